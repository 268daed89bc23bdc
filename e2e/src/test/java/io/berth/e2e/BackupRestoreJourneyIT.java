package io.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Closeable;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Backups that restore, on a WordPress site with files on its volume and posts in its database:
 * back up now → verified → download the archive → change, delete and add content → restore → the
 * files byte for byte and the posts row for row as they were, the site answering, the state before
 * the restore kept as a verified PRE_RESTORE backup → a second restore with the worker SIGKILLed in
 * the middle still finishes, with the data right and no helper containers left behind.
 */
class BackupRestoreJourneyIT {

  /** The site's files inside its container: its volume. */
  private static final String SITE_DIR = "/srv/site";

  private static final String CONTENT_DIR = SITE_DIR + "/wp-content/uploads/e2e";

  private static final Set<String> FINAL_RESTORE_STATES = Set.of("COMPLETED", "FAILED");

  private static Platform platform;

  @BeforeAll
  static void start() throws Exception {
    platform = Platform.fromJars();
  }

  @AfterAll
  static void stop() throws Exception {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void givenAWordPressSiteWithContent_whenBackedUpChangedAndRestored_itsFilesAndRowsComeBack()
      throws Exception {
    String site = "bk" + Long.toString(System.nanoTime() % 100000, 36);
    String title = "Backups of " + site;
    PanelApi api =
        new PanelApi(platform.panelUrl()).signUp(site + "@berth.test", "Backup-journey-password-1");
    long orderId = api.order(api.planId("Trial"), site, "wordpress", title);
    await()
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> orderStatus(api, orderId).equals("ACTIVE"));
    long siteId = api.order(orderId).get("siteId").asLong();
    Content content = new Content(siteId);

    // Content: files on the site's volume, a post in its database.
    content.files(
        "mkdir -p "
            + CONTENT_DIR
            + " && head -c 300000 /dev/urandom > "
            + CONTENT_DIR
            + "/photo.bin && printf 'kept as it was\\n' > "
            + CONTENT_DIR
            + "/note.txt && printf 'deleted later\\n' > "
            + CONTENT_DIR
            + "/gone.txt");
    String postTitle = "Kept by the backup " + site;
    content.addPost(postTitle);
    String filesBefore = content.fileChecksums();
    String postsBefore = content.posts();
    assertThat(filesBefore).contains("photo.bin").contains("note.txt").contains("gone.txt");
    assertThat(postsBefore).contains(postTitle);
    assertSiteShows(site, postTitle);

    // Back up now → verified.
    long backupId = api.backUpNow(siteId);
    JsonNode backup = awaitBackupSettled(api, backupId);
    assertThat(backup.get("status").asText()).isEqualTo("VERIFIED");
    assertThat(backup.get("kind").asText()).isEqualTo("MANUAL");
    assertThat(backup.get("verified").asBoolean()).isTrue();
    assertThat(backup.get("sizeBytes").asLong()).isPositive();
    assertThat(api.backups(siteId).get(0).get("id").asLong()).isEqualTo(backupId);

    // The archive downloads through the API as a tar of the stored parts.
    Path tar = Files.createTempFile("berth-e2e-backup", ".tar");
    HttpHeaders headers = api.downloadBackup(backupId, tar);
    assertThat(headers.firstValue("Content-Disposition").orElse(""))
        .contains("backup-" + backupId + ".tar");
    assertThat(Files.size(tar)).isPositive();
    assertThat(tarEntries(tar)).contains("files.tar.gz", "manifest.json", "database.sql.gz");

    // Changed, deleted and added content.
    content.files(
        "printf 'changed after the backup\\n' > "
            + CONTENT_DIR
            + "/note.txt && rm "
            + CONTENT_DIR
            + "/gone.txt && printf 'new\\n' > "
            + CONTENT_DIR
            + "/added.txt");
    content.sql(
        "UPDATE wp_posts SET post_title = 'Changed' WHERE post_title = '" + postTitle + "'");
    content.addPost("Added after the backup " + site);
    assertThat(content.fileChecksums()).isNotEqualTo(filesBefore);
    assertThat(content.posts()).isNotEqualTo(postsBefore);

    // Restore → everything as it was.
    long restoreId = api.restore(backupId);
    JsonNode restore = awaitRestoreSettled(api, restoreId, Duration.ofMinutes(4));
    assertThat(restore.get("status").asText()).as(restore.toString()).isEqualTo("COMPLETED");
    assertThat(restore.get("backupId").asLong()).isEqualTo(backupId);
    assertThat(restore.get("targetSiteId").asLong()).isEqualTo(siteId);
    assertThat(content.fileChecksums()).isEqualTo(filesBefore);
    assertThat(content.posts()).isEqualTo(postsBefore);
    assertSiteShows(site, postTitle);

    // The state before the restore is kept as a verified backup: the way back.
    long preRestoreId = restore.get("preRestoreBackupId").asLong();
    JsonNode preRestore = api.backup(preRestoreId);
    assertThat(preRestore.get("kind").asText()).isEqualTo("PRE_RESTORE");
    assertThat(awaitBackupSettled(api, preRestoreId).get("status").asText()).isEqualTo("VERIFIED");

    // A second restore, with the worker killed while it stages or swaps the data.
    content.files("printf 'changed again\\n' > " + CONTENT_DIR + "/note.txt");
    content.sql("DELETE FROM wp_posts WHERE post_title = '" + postTitle + "'");
    AtomicBoolean killed = new AtomicBoolean();
    long secondRestoreId;
    try (Closeable watch =
        platform.onHelperContainerCreated(() -> killInStageOrSwap(api, killed))) {
      secondRestoreId = api.restore(backupId);
      this.secondRestore = secondRestoreId;
      await()
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(100))
          .until(
              () ->
                  killInStageOrSwap(api, killed)
                      || FINAL_RESTORE_STATES.contains(restoreStatus(api, secondRestoreId)));
    }
    assertThat(killed).as("worker killed while the restore staged or swapped").isTrue();
    platform.startWorker();
    JsonNode second = awaitRestoreSettled(api, secondRestoreId, Duration.ofMinutes(5));
    assertThat(second.get("status").asText()).as(second.toString()).isEqualTo("COMPLETED");
    assertThat(content.fileChecksums()).isEqualTo(filesBefore);
    assertThat(content.posts()).isEqualTo(postsBefore);
    assertSiteShows(site, postTitle);
    assertThat(helperContainers()).isEmpty();
  }

  private volatile long secondRestore;

  /**
   * Kills the worker (once) if the second restore is staging or swapping right now; true once it
   * has been killed.
   */
  private boolean killInStageOrSwap(PanelApi api, AtomicBoolean killed) throws Exception {
    if (killed.get() || secondRestore == 0) {
      return killed.get();
    }
    for (JsonNode step : api.restoreOf(secondRestore).get("steps")) {
      String name = step.get("name").asText();
      if ((name.equals("stage") || name.equals("swap"))
          && Set.of("RUNNING", "RETRYING").contains(step.get("state").asText())
          && killed.compareAndSet(false, true)) {
        platform.killWorker();
        return true;
      }
    }
    return killed.get();
  }

  private static String orderStatus(PanelApi api, long orderId) throws Exception {
    String status = api.order(orderId).get("status").asText();
    assertThat(status).as("order " + orderId).isNotIn("FAILED", "CANCELLED");
    return status;
  }

  private static JsonNode awaitBackupSettled(PanelApi api, long backupId) {
    await()
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                !Set.of("RUNNING", "VERIFYING")
                    .contains(api.backup(backupId).get("status").asText()));
    try {
      return api.backup(backupId);
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String restoreStatus(PanelApi api, long restoreId) throws Exception {
    return api.restoreOf(restoreId).get("status").asText();
  }

  private static JsonNode awaitRestoreSettled(PanelApi api, long restoreId, Duration within)
      throws Exception {
    await()
        .atMost(within)
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(() -> FINAL_RESTORE_STATES.contains(restoreStatus(api, restoreId)));
    return api.restoreOf(restoreId);
  }

  private static void assertSiteShows(String site, String text) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(
            () -> {
              // With the port, as a browser sends it: WordPress redirects any other Host.
              ProxyClient.Answer page =
                  ProxyClient.fetch(
                      site + ".berth.localhost:" + Platform.PROXY_PORT, Platform.PROXY_PORT);
              return page.status() == 200 && page.body().contains(text);
            });
  }

  private static List<String> tarEntries(Path tar) throws Exception {
    Process list = new ProcessBuilder("tar", "-tf", tar.toString()).start();
    String out = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(list.waitFor()).as("tar -tf of the download").isZero();
    return Arrays.stream(out.split("\n")).map(s -> s.replaceFirst("^\\./", "")).toList();
  }

  /** Backup and restore helper containers on this engine, by name. */
  private static List<String> helperContainers() throws Exception {
    Process ps =
        new ProcessBuilder(
                "docker",
                "ps",
                "-a",
                "--filter",
                "name=berth-backup-",
                "--filter",
                "name=berth-verify-",
                "--format",
                "{{.Names}}")
            .start();
    String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(ps.waitFor()).isZero();
    return out.lines().filter(l -> !l.isBlank()).toList();
  }

  /** The site's files (through its container) and posts (in the customer's MariaDB). */
  private static final class Content {

    private final long siteId;
    private final String databaseServer;
    private final String database;

    Content(long siteId) throws Exception {
      this.siteId = siteId;
      this.databaseServer = platform.databaseServerOfSite(siteId);
      this.database = platform.databaseOfSite(siteId);
    }

    void files(String script) throws Exception {
      Platform.exec(platform.siteContainer(siteId), "sh", "-c", script);
    }

    /** One line per file of the volume: its SHA-256 and path, sorted by path. */
    String fileChecksums() throws Exception {
      return Platform.exec(
          platform.siteContainer(siteId),
          "sh",
          "-c",
          "cd " + SITE_DIR + " && find . -type f -print0 | sort -z | xargs -0 sha256sum");
    }

    String sql(String statement) throws Exception {
      return Platform.exec(
          databaseServer,
          "mariadb",
          "--socket=/tmp/mysqld.sock",
          "--batch",
          "--skip-column-names",
          "-e",
          statement,
          database);
    }

    void addPost(String postTitle) throws Exception {
      sql(
          "INSERT INTO wp_posts (post_author, post_date, post_date_gmt, post_content, post_title,"
              + " post_excerpt, post_status, post_name, to_ping, pinged, post_modified,"
              + " post_modified_gmt, post_content_filtered, post_type) VALUES (1, NOW(),"
              + " UTC_TIMESTAMP(), 'Written for the backup journey.', '"
              + postTitle
              + "', '', 'publish', '"
              + postTitle.toLowerCase().replace(' ', '-')
              + "', '', '', NOW(), UTC_TIMESTAMP(), '', 'post')");
    }

    /** Every post, row by row. */
    String posts() throws Exception {
      return sql(
          "SELECT ID, post_title, post_status, post_type, post_content FROM wp_posts ORDER BY ID");
    }
  }
}
