package io.berth.activities.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.activities.common.PermanentException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter on a mail home in a temporary directory (files only, no servers). */
class LocalMailServerTest {

  private static final String PEM =
      "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n";

  @TempDir Path home;
  private LocalMailServer server;

  @BeforeEach
  void setUp() {
    server = new LocalMailServer(home, Duration.ofSeconds(5));
  }

  @Test
  void installingAKey_writesTheKeyFile0600_andOneLineInEachTable() throws Exception {
    server.installDkimKey("example.test", "berth", PEM);

    Path key = home.resolve("dkim/keys/example.test.private");
    assertThat(key).hasContent(PEM.strip());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(home.resolve("dkim/KeyTable")))
        .isEqualTo("berth._domainkey.example.test example.test:berth:" + key + "\n");
    assertThat(Files.readString(home.resolve("dkim/SigningTable")))
        .isEqualTo("*@example.test berth._domainkey.example.test\n");
  }

  @Test
  void installingTwice_changesNothing_andOtherDomainsLinesStay() throws Exception {
    Files.createDirectories(home.resolve("dkim"));
    Files.writeString(home.resolve("dkim/SigningTable"), "*@other.test s._domainkey.other.test\n");
    Files.writeString(
        home.resolve("dkim/KeyTable"), "s._domainkey.other.test other.test:s:/k/other.private\n");

    server.installDkimKey("example.test", "berth", PEM);
    String keyTable = Files.readString(home.resolve("dkim/KeyTable"));
    long modified = Files.getLastModifiedTime(home.resolve("dkim/KeyTable")).toMillis();
    server.installDkimKey("example.test", "berth", PEM);

    assertThat(Files.readString(home.resolve("dkim/KeyTable"))).isEqualTo(keyTable);
    assertThat(Files.getLastModifiedTime(home.resolve("dkim/KeyTable")).toMillis())
        .isEqualTo(modified);
    assertThat(keyTable).startsWith("s._domainkey.other.test other.test:s:/k/other.private\n");
    assertThat(Files.readString(home.resolve("dkim/SigningTable")))
        .isEqualTo(
            "*@other.test s._domainkey.other.test\n*@example.test berth._domainkey.example.test\n");
    assertThat(home.resolve("dkim")).isDirectoryNotContaining("glob:**.tmp");
  }

  @Test
  void removingAKey_takesItsFileAndLines_andRemovingAgainIsFine() throws Exception {
    server.installDkimKey("example.test", "berth", PEM);
    server.installDkimKey("other.test", "berth", PEM);

    server.removeDkimKey("example.test");
    server.removeDkimKey("example.test");

    assertThat(home.resolve("dkim/keys/example.test.private")).doesNotExist();
    assertThat(home.resolve("dkim/keys/other.test.private")).exists();
    assertThat(Files.readString(home.resolve("dkim/SigningTable")))
        .isEqualTo("*@other.test berth._domainkey.other.test\n");
    assertThat(Files.readString(home.resolve("dkim/KeyTable"))).doesNotContain("example.test");
  }

  @Test
  void manyDomainsAtOnce_eachKeepTheirLines() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String domain = "d" + i + ".test";
      done.add(pool.submit(() -> server.installDkimKey(domain, "berth", PEM)));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();

    assertThat(Files.readAllLines(home.resolve("dkim/SigningTable"))).hasSize(40);
    assertThat(Files.readAllLines(home.resolve("dkim/KeyTable"))).hasSize(40);
  }

  @Test
  void anOddDomain_writesNothing() {
    assertThatThrownBy(() -> server.installDkimKey("../../etc/x.test", "berth", PEM))
        .isInstanceOf(PermanentException.class);
    assertThat(home.resolve("dkim")).doesNotExist();
  }

  @Test
  void removingAMaildir_removesItsWholeTree_andAMissingOneIsFine() throws Exception {
    Path maildir = home.resolve("vmail/example.test/info");
    Files.createDirectories(maildir.resolve("Maildir/cur"));
    Files.writeString(maildir.resolve("Maildir/cur/1.eml"), "mail");
    Path neighbour = Files.createDirectories(home.resolve("vmail/example.test/sales/Maildir"));

    server.removeMaildir("example.test", "info");
    server.removeMaildir("example.test", "info");
    server.removeMaildir("nowhere.test", "info");

    assertThat(maildir).doesNotExist();
    assertThat(neighbour).exists();
  }

  @Test
  void removingAMaildir_neverFollowsALinkOutOfVmail() throws Exception {
    Path outside = Files.createDirectories(home.resolve("outside"));
    Files.writeString(outside.resolve("precious"), "keep");
    Path maildir = Files.createDirectories(home.resolve("vmail/example.test/info"));
    Files.createSymbolicLink(maildir.resolve("link"), outside);
    Files.createDirectories(home.resolve("vmail/linked.test"));
    Files.createSymbolicLink(home.resolve("vmail/linked.test/info"), outside);

    server.removeMaildir("example.test", "info");
    server.removeMaildir("linked.test", "info");

    assertThat(maildir).doesNotExist();
    assertThat(home.resolve("vmail/linked.test/info")).doesNotExist();
    assertThat(outside.resolve("precious")).hasContent("keep");
  }

  @Test
  void aDomainDirectoryThatLinksOutOfVmail_isRefused() throws Exception {
    Path outside = Files.createDirectories(home.resolve("outside/info"));
    Files.createDirectories(home.resolve("vmail"));
    Files.createSymbolicLink(home.resolve("vmail/evil.test"), home.resolve("outside"));

    assertThatThrownBy(() -> server.removeMaildir("evil.test", "info"))
        .hasMessageContaining("does not lie inside");
    assertThat(outside).exists();
  }
}
