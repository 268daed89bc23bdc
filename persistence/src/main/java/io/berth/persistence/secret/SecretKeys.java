package io.berth.persistence.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform key for secrets: 32 random bytes, given as base64 ({@code berth.secrets.key}) or
 * kept in a key file ({@code berth.secrets.key-file}) that holds the same base64 text. A missing
 * key file is created on first use, readable by its owner only; two processes creating it at the
 * same moment end up with the same key, because the file only ever appears complete and only once
 * (a hard link to a finished temporary file, which fails if the name is taken).
 */
public final class SecretKeys {

  static final int KEY_BYTES = 32;

  private static final Logger log = LoggerFactory.getLogger(SecretKeys.class);
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private SecretKeys() {}

  /**
   * The key given as base64 text.
   *
   * @throws IllegalArgumentException if it is not the base64 form of 32 bytes (the message never
   *     contains the text)
   */
  public static SecretKey fromBase64(String base64, String source) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      bytes = new byte[0];
    }
    if (bytes.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          source
              + " must hold the base64 form of "
              + KEY_BYTES
              + " random bytes (e.g. the output of: openssl rand -base64 32)");
    }
    return new SecretKeySpec(bytes, "AES");
  }

  /** The key in the file, which is created with a new random key if it does not exist. */
  public static SecretKey fromFile(Path file) {
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      warnIfShared(file);
      return fromBase64(Files.readString(file, StandardCharsets.US_ASCII), "Key file " + file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the secrets key file " + file, e);
    }
  }

  private static void create(Path file) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    byte[] key = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(key);
    byte[] content =
        (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
    boolean posix = Files.getFileStore(directory).supportsFileAttributeView("posix");
    FileAttribute<?>[] attributes =
        posix
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
            : new FileAttribute<?>[0];
    Path temporary = Files.createTempFile(directory, ".secrets-key-", ".tmp", attributes);
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        channel.write(ByteBuffer.wrap(content));
        channel.force(true);
      }
      try {
        Files.createLink(file, temporary);
        log.info("Created the secrets key file {}", file);
      } catch (FileAlreadyExistsException e) {
        // Another process created it first: its key is the one everybody uses.
      } catch (UnsupportedOperationException e) {
        // No hard links on this file system: a plain move, which does not replace an existing file.
        try {
          Files.move(temporary, file);
          log.info("Created the secrets key file {}", file);
        } catch (FileAlreadyExistsException taken) {
          // Another process created it first.
        }
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static void warnIfShared(Path file) throws IOException {
    if (!Files.getFileStore(file).supportsFileAttributeView("posix")) {
      return;
    }
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
    if (!OWNER_ONLY.containsAll(permissions)) {
      log.warn(
          "The secrets key file {} is readable by others ({}); chmod 600 it",
          file,
          PosixFilePermissions.toString(permissions));
    }
  }
}
