package io.berth.activities.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * The real mail servers (Postfix, Dovecot, OpenDKIM) that {@code infra/scripts/services.sh up mail}
 * runs from the mail home, {@code $BERTH_HOME/mail}.
 */
public final class MailStack {

  private MailStack() {}

  /** The repository: the nearest directory up from here that holds the {@code berth} launcher. */
  static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (!Files.isRegularFile(dir.resolve("berth"))) {
      dir = dir.getParent();
      assertThat(dir).as("a directory above the working directory holds ./berth").isNotNull();
    }
    return dir;
  }

  static Path berthHome() {
    String home = System.getenv("BERTH_HOME");
    return home != null && !home.isBlank()
        ? Path.of(home).toAbsolutePath()
        : repositoryRoot().resolve(".berth");
  }

  public static Path home() {
    return berthHome().resolve("mail");
  }

  /**
   * Starts the mail servers if they are down and points them at the database ({@code
   * BERTH_MAIL_DB_NAME=<database> services.sh up mail}).
   */
  public static void pointAt(String database) throws IOException, InterruptedException {
    ProcessBuilder up =
        new ProcessBuilder(
                repositoryRoot().resolve("infra/scripts/services.sh").toString(), "up", "mail")
            .inheritIO();
    up.environment().put("BERTH_MAIL_DB_NAME", database);
    up.environment().put("BERTH_HOME", berthHome().toString());
    Process process = up.start();
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("services.sh up mail finished").isTrue();
    assertThat(process.exitValue())
        .as("BERTH_MAIL_DB_NAME=%s services.sh up mail", database)
        .isZero();
  }

  /** Removes a directory tree the test made under vmail (its files belong to the vmail user). */
  public static void removeTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
