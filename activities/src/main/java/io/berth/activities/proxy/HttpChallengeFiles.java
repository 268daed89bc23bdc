package io.berth.activities.proxy;

import io.berth.activities.common.PermanentException;
import io.berth.workflows.common.FailureType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The ACME HTTP-01 files of the host's nginx: {@code
 * <prefix>/acme-challenge/.well-known/acme-challenge/<token>}, served for every host name by the
 * default server and by every route block ({@link SiteServerBlock}). No reload is needed: nginx
 * reads the files on each request.
 *
 * <p>A token becomes a file name, so only base64url tokens (RFC 8555 §8.3) are accepted, and a
 * batch with one bad token writes nothing. Files are world-readable (nginx's workers run as an
 * unprivileged user) and hold only the key authorization, which is public by design.
 */
public final class HttpChallengeFiles {

  /** Below the nginx prefix; the {@code root} of the challenge locations. */
  static final String ROOT = "acme-challenge";

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,255}");
  private static final Pattern KEY_AUTHORIZATION = Pattern.compile("[A-Za-z0-9_.-]{1,1024}");
  private static final Set<PosixFilePermission> READABLE_BY_ALL =
      PosixFilePermissions.fromString("rw-r--r--");
  private static final Set<PosixFilePermission> DIRECTORY =
      PosixFilePermissions.fromString("rwxr-xr-x");

  private final Path root;
  private final Path directory;

  /**
   * @param prefix the nginx prefix directory ({@code berth.proxy.prefix})
   */
  public HttpChallengeFiles(Path prefix) {
    this.root = prefix.toAbsolutePath().normalize().resolve(ROOT);
    this.directory = root.resolve(".well-known").resolve("acme-challenge");
  }

  /**
   * Writes one file per token with its key authorization; overwrites a file of the same token.
   *
   * @param keyAuthorizations token → key authorization
   */
  public void publish(Map<String, String> keyAuthorizations) {
    keyAuthorizations.forEach(
        (token, content) -> {
          requireToken(token);
          if (content == null || !KEY_AUTHORIZATION.matcher(content).matches()) {
            throw new PermanentException(
                FailureType.INVALID_INPUT,
                "The key authorization of ACME token " + token + " is not token.thumbprint.");
          }
        });
    try {
      createDirectories();
      for (Map.Entry<String, String> challenge : keyAuthorizations.entrySet()) {
        Path file = directory.resolve(challenge.getKey());
        Path tmp = directory.resolve("." + challenge.getKey() + ".tmp");
        Files.writeString(tmp, challenge.getValue(), StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(tmp, READABLE_BY_ALL);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write ACME challenge files in " + directory, e);
    }
  }

  /** Removes the tokens' files; no-op for those already gone. */
  public void withdraw(List<String> tokens) {
    tokens.forEach(HttpChallengeFiles::requireToken);
    try {
      for (String token : tokens) {
        Files.deleteIfExists(directory.resolve(token));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not remove ACME challenge files in " + directory, e);
    }
  }

  /** Where a token's file is. */
  Path file(String token) {
    return directory.resolve(requireToken(token));
  }

  private static String requireToken(String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      throw new PermanentException(
          FailureType.INVALID_INPUT,
          "An ACME HTTP-01 token is 1 to 255 base64url characters (A-Z a-z 0-9 _ -), not '"
              + token
              + "'.");
    }
    return token;
  }

  /** The three levels below the prefix, each readable and searchable by nginx's workers. */
  private void createDirectories() throws IOException {
    for (Path dir : List.of(root, root.resolve(".well-known"), directory)) {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, DIRECTORY);
      }
    }
  }
}
