package io.berth.panel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.panel.backup.FakeBackupWorkflows;
import io.berth.panel.backup.FakeHostAgent;
import io.berth.persistence.host.HostRepository;
import io.berth.persistence.site.Site;
import io.berth.persistence.site.SiteRepository;
import io.berth.workflows.backup.RestoreWorkflow;
import io.berth.workflows.site.SiteStatus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Backups, restores and schedules through the API against PostgreSQL. The backup and restore
 * workflows are fakes that record being started (their own tests run them), and the host agent is a
 * fake that answers the archive bytes a test gave; backup rows are written as the backup workflow
 * would leave them.
 */
@Import(BackupApiIT.Fakes.class)
class BackupApiIT extends ApiTestSupport {

  static final String HOST = "it-panel-host";
  static final String OTHER_HOST = "it-panel-host-2";

  @TestConfiguration
  static class Fakes {

    @Bean
    @Primary
    FakeBackupWorkflows fakeBackupWorkflows() {
      return new FakeBackupWorkflows();
    }

    @Bean
    @Primary
    FakeHostAgent fakeHostAgent() {
      return new FakeHostAgent();
    }
  }

  @Autowired SiteRepository sites;
  @Autowired HostRepository hosts;
  @Autowired JdbcClient jdbc;
  @Autowired FakeBackupWorkflows workflows;
  @Autowired FakeHostAgent agent;

  @BeforeEach
  void resetFakes() {
    workflows.reset();
    agent.reset();
  }

  @Test
  void theListIsNewestFirstInTheDocumentedShape() {
    Account ada = newCustomer();
    Site blog = liveSite(ada, "wordpress", HOST);
    Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);
    long daily = backupRow(blog, "SCHEDULED", "VERIFIED", 1_048_576L, at, 42_000, null);
    long corrupt =
        backupRow(blog, "MANUAL", "CORRUPT", 2048L, at.plusSeconds(60), 9_000, "checksum differs");

    JsonNode list = get("/api/v1/sites/" + blog.id() + "/backups", ada.token()).body();

    assertThat(list.findValuesAsText("id"))
        .containsExactly(Long.toString(corrupt), Long.toString(daily));
    JsonNode verified = list.get(1);
    assertThat(verified.path("kind").asText()).isEqualTo("SCHEDULED");
    assertThat(verified.path("status").asText()).isEqualTo("VERIFIED");
    assertThat(Instant.parse(verified.path("startedAt").asText())).isEqualTo(at);
    assertThat(Instant.parse(verified.path("finishedAt").asText())).isEqualTo(at.plusSeconds(42));
    assertThat(verified.path("durationMillis").asLong()).isEqualTo(42_000);
    assertThat(verified.path("sizeBytes").asLong()).isEqualTo(1_048_576L);
    assertThat(verified.path("verified").asBoolean()).isTrue();
    assertThat(verified.path("failureReason").isNull()).isTrue();
    JsonNode bad = get("/api/v1/backups/" + corrupt, ada.token()).body();
    assertThat(bad.path("status").asText()).isEqualTo("CORRUPT");
    assertThat(bad.path("verified").asBoolean()).isFalse();
    assertThat(bad.path("failureReason").asText()).isEqualTo("checksum differs");
  }

  @Test
  void backUpNow_isA202StartingTheManualWorkflowOnce_andA409WhileThatBackupRuns() {
    Account ada = newCustomer();
    Site blog = liveSite(ada, "wordpress", HOST);

    Answer started = post("/api/v1/sites/" + blog.id() + "/backups", ada.token(), null);

    assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
    assertThat(started.body().path("status").asText()).isEqualTo("RUNNING");
    long id = started.body().path("id").asLong();
    Map<String, Object> row =
        jdbc.sql("SELECT kind, status, workflow_id, host_id, customer_id FROM backup WHERE id = ?")
            .param(id)
            .query()
            .singleRow();
    assertThat(row.get("kind")).isEqualTo("MANUAL");
    assertThat(row.get("status")).isEqualTo("RUNNING");
    assertThat(row.get("host_id")).isEqualTo(HOST);
    assertThat((String) row.get("workflow_id")).startsWith("backup-" + blog.id() + "-manual-");
    assertThat(workflows.backups)
        .containsExactly(
            new FakeBackupWorkflows.Started((String) row.get("workflow_id"), blog.id(), ada.id()));

    Answer again = post("/api/v1/sites/" + blog.id() + "/backups", ada.token(), null);

    assertThat(again.assertProblem(409).detail()).isEqualTo("A backup of this site is running");
    assertThat(workflows.backups).hasSize(1);
    assertThat(get("/api/v1/sites/" + blog.id() + "/backups", ada.token()).body()).hasSize(1);
  }

  @Test
  void givenTheWorkflowServiceIsDown_backUpNowIsA503AndTheRowIsClosedAsFailed() {
    Account ada = newCustomer();
    Site blog = liveSite(ada, "wordpress", HOST);
    workflows.unreachable(true);

    post("/api/v1/sites/" + blog.id() + "/backups", ada.token(), null).assertProblem(503);

    JsonNode list = get("/api/v1/sites/" + blog.id() + "/backups", ada.token()).body();
    assertThat(list).hasSize(1);
    assertThat(list.get(0).path("status").asText()).isEqualTo("FAILED");
    assertThat(list.get(0).path("failureReason").asText()).startsWith("Not started");
  }

  @Test
  void restore_isA202StartingItsWorkflow_andItsStepsAreReadable_andASecondIsA409() {
    Account ada = newCustomer();
    Site blog = liveSite(ada, "wordpress", HOST);
    Site shop = liveSite(ada, "wordpress", HOST);
    long backup = backupRow(blog, "MANUAL", "VERIFIED", 4096L, Instant.now(), 1000, null);

    Answer started =
        post(
            "/api/v1/backups/" + backup + "/restore",
            ada.token(),
            Map.of("targetSiteId", shop.id()));

    assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
    assertThat(started.body().path("status").asText()).isEqualTo("RUNNING");
    long restoreId = started.body().path("id").asLong();
    assertThat(workflows.restores)
        .containsExactly(
            new FakeBackupWorkflows.Started(
                RestoreWorkflow.workflowId(restoreId), shop.id(), ada.id()));
    JsonNode restore = get("/api/v1/restores/" + restoreId, ada.token()).body();
    assertThat(restore.path("id").asLong()).isEqualTo(restoreId);
    assertThat(restore.path("backupId").asLong()).isEqualTo(backup);
    assertThat(restore.path("targetSiteId").asLong()).isEqualTo(shop.id());
    assertThat(restore.path("status").asText()).isEqualTo("RUNNING");
    assertThat(restore.path("preRestoreBackupId").isNull()).isTrue();
    assertThat(restore.path("failureReason").isNull()).isTrue();
    assertThat(restore.path("steps").findValuesAsText("name"))
        .containsExactlyElementsOf(RestoreWorkflow.STEPS);
    assertThat(restore.path("steps").get(0).path("state").asText()).isEqualTo("PENDING");
    assertThat(restore.path("steps").get(0).has("attempt")).isTrue();
    assertThat(restore.path("steps").get(0).has("error")).isTrue();

    Answer second =
        post(
            "/api/v1/backups/" + backup + "/restore",
            ada.token(),
            Map.of("targetSiteId", shop.id()));

    assertThat(second.assertProblem(409).detail())
        .isEqualTo("A restore into this site is already running");
    assertThat(workflows.restores).hasSize(1);

    Answer own = postRaw("/api/v1/backups/" + backup + "/restore", ada.token(), "{}");
    assertThat(own.status()).as(own.body().toString()).isEqualTo(202);
    assertThat(workflows.restores.get(1).siteId()).isEqualTo(blog.id());
  }

  @Test
  void restoresThatCannotBeMade_areRefusedWithWhy_andStartNothing() {
    Account ada = newCustomer();
    Site blog = liveSite(ada, "wordpress", HOST);
    Site plain = liveSite(ada, "static", HOST);
    Site far = liveSite(ada, "wordpress", OTHER_HOST);
    long running = backupRow(blog, "MANUAL", "RUNNING", null, Instant.now(), -1, null);
    long verified = backupRow(blog, "SCHEDULED", "VERIFIED", 10L, Instant.now(), 100, null);

    assertThat(
            post("/api/v1/backups/" + running + "/restore", ada.token(), Map.of())
                .assertProblem(409)
                .detail())
        .isEqualTo("Only verified backups can be restored.");
    Answer crossApp =
        post(
                "/api/v1/backups/" + verified + "/restore",
                ada.token(),
                Map.of("targetSiteId", plain.id()))
            .assertProblem(400);
    assertThat(crossApp.detail())
        .isEqualTo("A WordPress backup can only be restored into a WordPress site.");
    assertThat(crossApp.fieldError("targetSiteId")).isNotNull();
    assertThat(
            post(
                    "/api/v1/backups/" + verified + "/restore",
                    ada.token(),
                    Map.of("targetSiteId", far.id()))
                .assertProblem(409)
                .detail())
        .contains("runs on another server");
    assertThat(workflows.restores).isEmpty();
    assertThat(
            jdbc.sql("SELECT count(*) FROM restore WHERE backup_id IN (?, ?)")
                .params(running, verified)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void theSchedule_defaultsTo0300Utc_isStoredWhenValid_andA400NamingTheFieldOtherwise() {
    Account ada = newCustomer();
    Site blog = liveSite(ada, "wordpress", HOST);
    String path = "/api/v1/sites/" + blog.id() + "/backup-schedule";

    JsonNode initial = get(path, ada.token()).body();
    assertThat(initial.path("timeOfDay").asText()).isEqualTo("03:00");
    assertThat(initial.path("timeZone").asText()).isEqualTo("UTC");
    assertThat(initial.path("enabled").asBoolean()).isTrue();

    Answer saved =
        put(
            path,
            ada.token(),
            Map.of("timeOfDay", "03:30", "timeZone", "Europe/Berlin", "enabled", false));

    assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
    assertThat(saved.body().path("timeOfDay").asText()).isEqualTo("03:30");
    JsonNode read = get(path, ada.token()).body();
    assertThat(read.path("timeOfDay").asText()).isEqualTo("03:30");
    assertThat(read.path("timeZone").asText()).isEqualTo("Europe/Berlin");
    assertThat(read.path("enabled").asBoolean()).isFalse();
    assertThat(
            jdbc.sql("SELECT time_zone FROM backup_schedule WHERE site_id = ?")
                .param(blog.id())
                .query(String.class)
                .single())
        .isEqualTo("Europe/Berlin");

    Answer badTime =
        put(path, ada.token(), Map.of("timeOfDay", "25:00", "timeZone", "UTC", "enabled", true))
            .assertProblem(400);
    assertThat(badTime.fieldError("timeOfDay").path("message").asText())
        .isEqualTo("Give the time as HH:mm on a 24-hour clock, e.g. 03:30.");
    Answer badZone =
        put(
                path,
                ada.token(),
                Map.of("timeOfDay", "04:00", "timeZone", "Mars/Olympus", "enabled", true))
            .assertProblem(400);
    assertThat(badZone.fieldError("timeZone")).isNotNull();
    assertThat(get(path, ada.token()).body().path("timeOfDay").asText()).isEqualTo("03:30");
  }

  @Test
  void download_streamsTheBytesTheHostsAgentGives_asAnAttachmentNamedAfterTheSite()
      throws Exception {
    Account ada = newCustomer();
    Site blog = liveSite(ada, "wordpress", HOST);
    long backup = backupRow(blog, "MANUAL", "VERIFIED", 300_000L, Instant.now(), 1000, null);
    long corrupt = backupRow(blog, "MANUAL", "CORRUPT", 300_000L, Instant.now(), 1000, "bad");
    byte[] archive = new byte[300_000];
    new Random(42).nextBytes(archive);
    agent.answer(HOST, "agent/v1/backups/" + backup + "/archive", archive);

    HttpResponse<byte[]> download = download(backup, ada.token());

    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type")).hasValue("application/x-tar");
    assertThat(download.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"" + blog.name() + "-backup-" + backup + ".tar\"");
    assertThat(download.body()).isEqualTo(archive);

    assertThat(download(corrupt, ada.token()).statusCode()).isEqualTo(409);
    long missing = backupRow(blog, "MANUAL", "VERIFIED", 10L, Instant.now(), 1000, null);
    HttpResponse<byte[]> gone = download(missing, ada.token());
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(gone.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void anotherCustomersSiteBackupAndRestoreAreNotFoundWhateverTheCall() throws Exception {
    Account ada = newCustomer();
    Account bob = newCustomer();
    Site blog = liveSite(ada, "wordpress", HOST);
    liveSite(bob, "wordpress", HOST);
    long backup = backupRow(blog, "MANUAL", "VERIFIED", 10L, Instant.now(), 1000, null);
    agent.answer(HOST, "agent/v1/backups/" + backup + "/archive", new byte[] {1, 2, 3});
    long restore =
        post("/api/v1/backups/" + backup + "/restore", ada.token(), Map.of())
            .body()
            .path("id")
            .asLong();
    workflows.reset();
    String site = "/api/v1/sites/" + blog.id();

    get(site + "/backups", bob.token()).assertProblem(404);
    post(site + "/backups", bob.token(), null).assertProblem(404);
    get(site + "/backup-schedule", bob.token()).assertProblem(404);
    put(site + "/backup-schedule", bob.token(), Map.of("timeOfDay", "01:00", "timeZone", "UTC"))
        .assertProblem(404);
    get("/api/v1/backups/" + backup, bob.token()).assertProblem(404);
    post("/api/v1/backups/" + backup + "/restore", bob.token(), Map.of()).assertProblem(404);
    Answer restoreRead = get("/api/v1/restores/" + restore, bob.token()).assertProblem(404);
    assertThat(download(backup, bob.token()).statusCode()).isEqualTo(404);

    assertThat(restoreRead.detail())
        .isEqualTo("There is no restore " + restore + " in your account.");
    assertThat(workflows.backups).isEmpty();
    assertThat(workflows.restores).isEmpty();
    assertThat(agent.opened).isEmpty();
    assertThat(get(site + "/backup-schedule", ada.token()).body().path("timeOfDay").asText())
        .isEqualTo("03:00");
    assertThat(get(site + "/backups", null).status()).isEqualTo(401);
  }

  @Test
  void theOpenApiDocumentListsTheBackupCallsUnderTheirTag() {
    JsonNode paths = get("/v3/api-docs", null).body().path("paths");

    for (String path :
        List.of(
            "/api/v1/sites/{id}/backups",
            "/api/v1/backups/{id}",
            "/api/v1/backups/{id}/download",
            "/api/v1/backups/{id}/restore",
            "/api/v1/restores/{id}",
            "/api/v1/sites/{id}/backup-schedule")) {
      assertThat(paths.path(path).toString()).as(path).contains("\"Backups\"");
    }
  }

  private HttpResponse<byte[]> download(long backupId, String token)
      throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:" + port + "/api/v1/backups/" + backupId + "/download"))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  /** A backup row as the backup workflow leaves it; {@code durationMillis} < 0: not finished. */
  private long backupRow(
      Site site,
      String kind,
      String status,
      Long sizeBytes,
      Instant startedAt,
      long durationMillis,
      String failureReason) {
    Timestamp finished =
        durationMillis < 0 ? null : Timestamp.from(startedAt.plusMillis(durationMillis));
    return jdbc.sql(
            """
            INSERT INTO backup (site_id, customer_id, kind, status, workflow_id, host_id, location,
                                size_bytes, started_at, finished_at, failure_reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            RETURNING id
            """)
        .params(
            site.id(),
            site.customerId(),
            kind,
            status,
            unique("backup-" + site.id() + "-it-"),
            site.hostId(),
            "site-" + site.id() + "/backup-it",
            sizeBytes,
            Timestamp.from(startedAt),
            finished,
            failureReason)
        .query(Long.class)
        .single();
  }

  /** A Starter order whose site is live on {@code host}, as placement would have left it. */
  private Site liveSite(Account account, String app, String host) {
    hosts.heartbeat(host, 43000, 43999, "127.0.0.1");
    Answer placed =
        order(
            account,
            Map.of(
                "planId", planId("starter"), "siteName", unique("bk"), "app", app, "title", "T"));
    assertThat(placed.status()).as(placed.body().toString()).isEqualTo(202);
    Site site = sites.findByOrderId(placed.body().path("id").asLong()).orElseThrow();
    return sites.save(
        new Site(
            site.id(),
            site.customerId(),
            site.orderId(),
            site.name(),
            site.app(),
            SiteStatus.RUNNING,
            null,
            host,
            site.id().intValue(),
            site.createdAt(),
            Instant.now()));
  }
}
