package io.berth.activities.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.activities.common.PermanentException;
import io.berth.workflows.backup.BackupArchive;
import io.berth.workflows.backup.BackupKind;
import io.berth.workflows.backup.BackupTarget;
import io.berth.workflows.backup.BackupWorkflow;
import io.berth.workflows.backup.ExpiredBackup;
import io.berth.workflows.backup.RestoreTarget;
import io.berth.workflows.backup.Verification;
import io.berth.workflows.common.FailureType;
import io.berth.workflows.site.RouteSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The backup and restore rows on the real platform schema in a fresh PostgreSQL database. */
class BackupRecordActivitiesIT {

  private static final Instant NOW = Instant.parse("2026-11-27T05:00:00Z");

  private BackupRows rows;
  private JdbcClient jdbc;
  private BackupRecordActivitiesImpl records;
  private long customer;
  private long plan;
  private long site;

  @BeforeEach
  void freshDatabase() throws Exception {
    rows = BackupRows.fresh("berth_backup_records_it");
    jdbc = rows.jdbc;
    records = new BackupRecordActivitiesImpl(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
    rows.host("h1");
    rows.host("h2");
    customer = rows.customer();
    plan = rows.plan(2, 0);
    site = rows.site(customer, plan, "blog", "wordpress", "RUNNING", "h1");
  }

  @Test
  void prepareBackup_makesOneRowPerWorkflow_withTheSitesHostAndDatabase() {
    jdbc.sql(
            "INSERT INTO customer_database (customer_id, name, username, status, site_id)"
                + " VALUES (:c, 'wp_blog', 'wp_blog', 'READY', :s)")
        .param("c", customer)
        .param("s", site)
        .update();
    String workflowId = BackupWorkflow.manualWorkflowId(site, "req-1");

    BackupTarget first = records.prepareBackup(site, BackupKind.MANUAL, workflowId);
    BackupTarget retried = records.prepareBackup(site, BackupKind.MANUAL, workflowId);

    assertThat(retried).isEqualTo(first);
    assertThat(first)
        .isEqualTo(
            new BackupTarget(
                first.backupId(), site, customer, "blog", "wordpress", "h1", "wp_blog"));
    assertThat(count("SELECT count(*) FROM backup")).isEqualTo(1);
    assertThat(rows.backupStatus(first.backupId())).isEqualTo("RUNNING");
  }

  @Test
  void prepareBackup_findsTheRowThePanelInsertedFirst() {
    String workflowId = BackupWorkflow.manualWorkflowId(site, "req-2");
    long panelRow =
        jdbc.sql(
                "INSERT INTO backup (site_id, customer_id, kind, status, workflow_id)"
                    + " VALUES (:s, :c, 'MANUAL', 'RUNNING', :w) RETURNING id")
            .param("s", site)
            .param("c", customer)
            .param("w", workflowId)
            .query(Long.class)
            .single();

    BackupTarget target = records.prepareBackup(site, BackupKind.MANUAL, workflowId);

    assertThat(target.backupId()).isEqualTo(panelRow);
    assertThat(target.databaseName()).isNull();
    assertThat(
            jdbc.sql("SELECT host_id FROM backup WHERE id = :id")
                .param("id", panelRow)
                .query(String.class)
                .single())
        .isEqualTo("h1");
  }

  @Test
  void prepareBackup_ofASiteThatIsNotLive_isRefusedAndRecordedFailed() {
    rows.siteStatus(site, "SUSPENDED");
    String workflowId = BackupWorkflow.scheduledWorkflowId(site) + "-2026-11-27T03:00:00Z";

    assertThatThrownBy(() -> records.prepareBackup(site, BackupKind.SCHEDULED, workflowId))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> assertThat(e.type()).isEqualTo(FailureType.INVALID_INPUT))
        .hasMessage("The site blog is suspended; only a running or stopped site can be backed up.");
    assertThat(
            jdbc.sql("SELECT status, failure_reason FROM backup WHERE workflow_id = :w")
                .param("w", workflowId)
                .query()
                .singleRow())
        .containsEntry("status", "FAILED")
        .containsEntry(
            "failure_reason",
            "The site blog is suspended; only a running or stopped site can be backed up.");
  }

  @Test
  void aBackupMovesFromRunningToVerifying_toVerified_andALateRetryDoesNotMoveItBack() {
    BackupTarget target = records.prepareBackup(site, BackupKind.MANUAL, "backup-w1");
    BackupArchive archive = archive(target.backupId(), site);

    records.recordArchived(archive);
    assertThat(rows.backupStatus(target.backupId())).isEqualTo("VERIFYING");
    records.recordVerification(target.backupId(), Verification.passed());
    records.recordArchived(archive);
    records.recordBackupFailed(target.backupId(), "late");

    Map<String, Object> row =
        jdbc.sql(
                "SELECT status, location, size_bytes, file_count, files_sha256, verified_at,"
                    + " finished_at, failure_reason FROM backup WHERE id = :id")
            .param("id", target.backupId())
            .query()
            .singleRow();
    assertThat(row)
        .containsEntry("status", "VERIFIED")
        .containsEntry("location", archive.location())
        .containsEntry("size_bytes", 4096L)
        .containsEntry("file_count", 12)
        .containsEntry("files_sha256", "f".repeat(64))
        .containsEntry("failure_reason", null);
    assertThat(row.get("verified_at")).isNotNull();
    assertThat(row.get("finished_at")).isNotNull();
  }

  @Test
  void aBackupThatFailsVerification_isCorrupt_withTheProblem() {
    BackupTarget target = records.prepareBackup(site, BackupKind.MANUAL, "backup-w2");
    records.recordArchived(archive(target.backupId(), site));

    records.recordVerification(target.backupId(), Verification.failed("wp_posts: 3 rows missing"));

    assertThat(rows.backupStatus(target.backupId())).isEqualTo("CORRUPT");
    assertThat(reason("backup", target.backupId())).isEqualTo("wp_posts: 3 rows missing");
  }

  @Test
  void expiredBackups_followThePlan_andSpareWhatARunningRestoreUses() {
    long fourDaysAgo = verified("2026-11-23T03:00:00Z");
    long threeDaysAgo = verified("2026-11-24T03:00:00Z");
    long yesterday = verified("2026-11-26T03:00:00Z");
    long today = verified("2026-11-27T03:00:00Z");
    long failed = backup("2026-11-25T03:00:00Z", "FAILED", null);
    restoreRunning(fourDaysAgo, site);

    assertThat(records.expiredBackups(site))
        .containsExactly(
            new ExpiredBackup(threeDaysAgo, "h1", "site-" + site + "/backup-" + threeDaysAgo),
            new ExpiredBackup(failed, "h1", "site-" + site + "/backup-" + failed));

    records.recordDeleted(threeDaysAgo);
    records.recordDeleted(failed);
    assertThat(rows.backupStatus(threeDaysAgo)).isEqualTo("DELETED");
    assertThat(records.expiredBackups(site)).isEmpty();
  }

  @Test
  void expiredBackups_useTheLiveSubscriptionsPlan() {
    long bigger = rows.plan(3, 0);
    long order =
        jdbc.sql("SELECT order_id FROM site WHERE id = :id")
            .param("id", site)
            .query(Long.class)
            .single();
    jdbc.sql(
            "INSERT INTO subscription (customer_id, order_id, plan_id, gateway, status)"
                + " VALUES (:c, :o, :p, 'NONE', 'ACTIVE')")
        .param("c", customer)
        .param("o", order)
        .param("p", bigger)
        .update();
    verified("2026-11-25T03:00:00Z");
    verified("2026-11-26T03:00:00Z");
    verified("2026-11-27T03:00:00Z");

    assertThat(records.expiredBackups(site)).isEmpty();
  }

  @Test
  void prepareRestore_intoTheBackupsOwnSite_givesTheArchiveAndTheRoute() {
    long backup = verified("2026-11-26T03:00:00Z");
    long restore = restoreRunning(backup, site);

    RestoreTarget target = records.prepareRestore(restore);

    assertThat(target.archive().backupId()).isEqualTo(backup);
    assertThat(target.archive().location()).isEqualTo("site-" + site + "/backup-" + backup);
    assertThat(target.archive().filesSha256()).isEqualTo("f".repeat(64));
    assertThat(target.targetHostId()).isEqualTo("h1");
    assertThat(target.targetCustomerId()).isEqualTo(customer);
    int port =
        jdbc.sql("SELECT host_port FROM site WHERE id = :id")
            .param("id", site)
            .query(Integer.class)
            .single();
    assertThat(target.route()).isEqualTo(new RouteSpec(site, "blog", port));
  }

  @Test
  void prepareRestore_refusesWhatCannotBeRestored_withTheReason() {
    long corrupt = backup("2026-11-26T03:00:00Z", "CORRUPT", "site-x");
    assertRefused(restoreRunning(corrupt, site), "did not pass verification");

    long good = verified("2026-11-26T04:00:00Z");
    long staticSite = rows.site(customer, plan, "docs", "static", "RUNNING", "h1");
    assertRefused(
        restoreRunning(good, staticSite),
        "A backup of a wordpress site cannot be restored into docs, which is a static site.");

    long otherHost = rows.site(customer, plan, "shop", "wordpress", "RUNNING", "h2");
    assertRefused(
        restoreRunning(good, otherHost),
        "The backup is stored on host h1 but shop runs on host h2; restore it into a site on the"
            + " same host.");

    long stranger = rows.site(rows.customer(), plan, "theirs", "wordpress", "RUNNING", "h1");
    assertRefused(restoreRunning(good, stranger), "not found");

    long deleted = rows.site(customer, plan, "old", "wordpress", "DELETED", "h1");
    assertRefused(restoreRunning(good, deleted), "The site old is deleted");
  }

  @Test
  void aRestoreIsFinishedOnce_withThePreRestoreBackupAndTheReason() {
    long backup = verified("2026-11-26T03:00:00Z");
    long restore = restoreRunning(backup, site);
    long wayBack = verified("2026-11-27T04:00:00Z");

    records.recordPreRestoreBackup(restore, wayBack);
    records.recordRestoreFinished(restore, false, "The restore failed: the swap failed.");
    records.recordRestoreFinished(restore, true, null);

    Map<String, Object> row =
        jdbc.sql("SELECT status, pre_restore_backup_id, failure_reason FROM restore WHERE id = :id")
            .param("id", restore)
            .query()
            .singleRow();
    assertThat(row)
        .containsEntry("status", "FAILED")
        .containsEntry("pre_restore_backup_id", wayBack)
        .containsEntry("failure_reason", "The restore failed: the swap failed.");
  }

  private void assertRefused(long restore, String message) {
    assertThatThrownBy(() -> records.prepareRestore(restore))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining(message);
    jdbc.sql("UPDATE restore SET status = 'FAILED' WHERE id = :id").param("id", restore).update();
  }

  private long verified(String at) {
    long id = backup(at, "VERIFIED", null);
    jdbc.sql("UPDATE backup SET location = :l WHERE id = :id")
        .param("l", "site-" + site + "/backup-" + id)
        .param("id", id)
        .update();
    return id;
  }

  private long backup(String startedAt, String status, String location) {
    return jdbc.sql(
            """
            INSERT INTO backup (site_id, customer_id, kind, status, workflow_id, host_id, location,
                                size_bytes, files_bytes, file_count, files_sha256, started_at,
                                finished_at)
            VALUES (:s, :c, 'SCHEDULED', :status, gen_random_uuid()::text, 'h1', :l, 4096, 4000,
                    12, repeat('f', 64), CAST(:at AS timestamptz),
                    CAST(:at AS timestamptz) + interval '30 seconds')
            RETURNING id
            """)
        .param("s", site)
        .param("c", customer)
        .param("status", status)
        .param("l", location)
        .param("at", startedAt)
        .query(Long.class)
        .single();
  }

  private long restoreRunning(long backup, long target) {
    return jdbc.sql(
            "INSERT INTO restore (backup_id, target_site_id, customer_id, status)"
                + " VALUES (:b, :t, :c, 'RUNNING') RETURNING id")
        .param("b", backup)
        .param("t", target)
        .param("c", customer)
        .query(Long.class)
        .single();
  }

  private static BackupArchive archive(long backupId, long siteId) {
    return new BackupArchive(
        backupId,
        siteId,
        "site-" + siteId + "/backup-" + backupId,
        4096,
        4000,
        12,
        "f".repeat(64),
        null,
        0,
        null,
        1500);
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  private String reason(String table, long id) {
    return jdbc.sql("SELECT failure_reason FROM " + table + " WHERE id = :id")
        .param("id", id)
        .query(String.class)
        .single();
  }
}
