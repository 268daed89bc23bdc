package io.berth.activities.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * {@link MailServer} on the files under the mail home, laid out as infra/scripts/services.sh makes
 * them: {@code dkim/KeyTable}, {@code dkim/SigningTable}, {@code dkim/keys/<domain>.private},
 * {@code vmail/<domain>/<local part>/}, {@code bin/dkim-reload}, {@code bin/postfix-reload}.
 *
 * <p>Every file is rewritten whole through a temporary file and an atomic move, so the signer never
 * reads half a table; changes of the tables hold a lock (in this process and on {@code dkim/.lock}
 * across processes) so two changes never lose each other's lines. Keys are written with mode 0600
 * from the start.
 */
public final class LocalMailServer implements MailServer {

  static final String KEY_TABLE = "KeyTable";
  static final String SIGNING_TABLE = "SigningTable";
  private static final Set<PosixFilePermission> KEY_MODE =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> TABLE_MODE =
      PosixFilePermissions.fromString("rw-r--r--");

  /** OpenDKIM splits table lines on white space and key table values on colons. */
  private static final Pattern TABLE_SAFE_PATH = Pattern.compile("[^\\s:]+");

  private final Path home;
  private final Duration reloadTimeout;
  private final ReentrantLock lock = new ReentrantLock();

  public LocalMailServer(Path home, Duration reloadTimeout) {
    this.home = home.toAbsolutePath().normalize();
    this.reloadTimeout = reloadTimeout;
    if (!TABLE_SAFE_PATH.matcher(this.home.toString()).matches()) {
      throw new IllegalArgumentException(
          "berth.mail.home ("
              + this.home
              + ") must not contain spaces or ':', which OpenDKIM's"
              + " key table cannot hold");
    }
  }

  public Path home() {
    return home;
  }

  Path dkimDirectory() {
    return home.resolve("dkim");
  }

  Path keyFile(String domain) {
    return dkimDirectory().resolve("keys").resolve(DkimTables.domain(domain) + ".private");
  }

  @Override
  public void installDkimKey(String domain, String selector, String privateKeyPem) {
    String keyTableLine = DkimTables.keyTableLine(domain, selector, keyFile(domain));
    String signingTableLine = DkimTables.signingTableLine(domain, selector);
    locked(
        () -> {
          writeIfChanged(keyFile(domain), privateKeyPem, KEY_MODE);
          edit(KEY_TABLE, t -> DkimTables.put(t, DkimTables.keyTableLineOf(domain), keyTableLine));
          edit(
              SIGNING_TABLE,
              t -> DkimTables.put(t, DkimTables.signingTableLineOf(domain), signingTableLine));
        });
  }

  @Override
  public void removeDkimKey(String domain) {
    Path keyFile = keyFile(domain);
    locked(
        () -> {
          edit(SIGNING_TABLE, t -> DkimTables.remove(t, DkimTables.signingTableLineOf(domain)));
          edit(KEY_TABLE, t -> DkimTables.remove(t, DkimTables.keyTableLineOf(domain)));
          Files.deleteIfExists(keyFile);
        });
  }

  @Override
  public void reloadSigner() {
    new ReloadScript(home.resolve("bin/dkim-reload"), reloadTimeout).run();
  }

  @Override
  public void reloadPostfix() {
    new ReloadScript(home.resolve("bin/postfix-reload"), reloadTimeout).run();
  }

  @Override
  public void removeMaildir(String domain, String localPart) {
    Path vmail = home.resolve("vmail");
    Path maildir = MaildirPaths.of(vmail, domain, localPart);
    try {
      if (!Files.exists(maildir, LinkOption.NOFOLLOW_LINKS)) {
        return;
      }
      if (!maildir.getParent().toRealPath().startsWith(vmail.toRealPath())) {
        throw new IllegalStateException(maildir + " does not lie inside " + vmail);
      }
      deleteTree(maildir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + maildir, e);
    }
  }

  /** Deletes a tree without following links: a link is removed, never what it points to. */
  private static void deleteTree(Path root) throws IOException {
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.deleteIfExists(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private interface FileWork {
    void run() throws IOException;
  }

  private void locked(FileWork work) {
    lock.lock();
    try {
      Files.createDirectories(dkimDirectory().resolve("keys"));
      try (FileChannel channel =
              FileChannel.open(
                  dkimDirectory().resolve(".lock"),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        work.run();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot change the DKIM files in " + dkimDirectory(), e);
    } finally {
      lock.unlock();
    }
  }

  private void edit(String table, UnaryOperator<String> change) throws IOException {
    Path file = dkimDirectory().resolve(table);
    String before = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    Set<PosixFilePermission> mode =
        Files.exists(file) ? Files.getPosixFilePermissions(file) : TABLE_MODE;
    writeIfChanged(file, change.apply(before), mode);
  }

  /** Writes the file through a temporary file and an atomic move, unless it holds the text. */
  private static void writeIfChanged(Path file, String text, Set<PosixFilePermission> mode)
      throws IOException {
    if (Files.exists(file)
        && Files.getPosixFilePermissions(file).equals(mode)
        && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
      return;
    }
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    Files.createFile(tmp, PosixFilePermissions.asFileAttribute(mode));
    Files.setPosixFilePermissions(tmp, mode);
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
