package io.berth.activities.backup;

import io.berth.activities.backup.BackupRetention.Candidate;
import io.berth.activities.common.PermanentException;
import io.berth.workflows.backup.BackupArchive;
import io.berth.workflows.backup.BackupKind;
import io.berth.workflows.backup.BackupRecordActivities;
import io.berth.workflows.backup.BackupTarget;
import io.berth.workflows.backup.ExpiredBackup;
import io.berth.workflows.backup.RestoreTarget;
import io.berth.workflows.backup.Verification;
import io.berth.workflows.common.FailureType;
import io.berth.workflows.site.RouteSpec;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code backup} and {@code restore} rows in the platform database, on {@code berth-control}.
 * Every write names the states it moves from, so a retried call changes nothing twice and a late
 * retry never moves a finished row back.
 */
public class BackupRecordActivitiesImpl implements BackupRecordActivities {

  /** Width of {@code failure_reason}. */
  static final int MAX_REASON = 1000;

  private static final Set<String> LIVE = Set.of("RUNNING", "STOPPED");

  private final JdbcClient jdbc;
  private final Clock clock;

  public BackupRecordActivitiesImpl(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  private record SiteRow(
      long id,
      long customerId,
      String name,
      String app,
      String status,
      String hostId,
      Integer hostPort) {}

  @Override
  public BackupTarget prepareBackup(long siteId, BackupKind kind, String workflowId) {
    SiteRow site =
        site(siteId)
            .orElseThrow(
                () ->
                    new PermanentException(FailureType.NOT_FOUND, "Site " + siteId + " not found"));
    jdbc.sql(
            """
            INSERT INTO backup (site_id, customer_id, kind, status, workflow_id, host_id)
            VALUES (:site, :customer, :kind, 'RUNNING', :workflow, :host)
            ON CONFLICT (workflow_id) DO NOTHING
            """)
        .param("site", siteId)
        .param("customer", site.customerId())
        .param("kind", kind.name())
        .param("workflow", workflowId)
        .param("host", site.hostId())
        .update();
    long backupId =
        jdbc.sql("SELECT id FROM backup WHERE workflow_id = :workflow")
            .param("workflow", workflowId)
            .query(Long.class)
            .single();
    if (!LIVE.contains(site.status())) {
      String reason =
          "The site "
              + site.name()
              + " is "
              + site.status().toLowerCase(Locale.ROOT)
              + "; only a running or stopped site can be backed up.";
      recordBackupFailed(backupId, reason);
      throw new PermanentException(FailureType.INVALID_INPUT, reason);
    }
    jdbc.sql("UPDATE backup SET host_id = :host WHERE id = :id AND host_id IS NULL")
        .param("host", site.hostId())
        .param("id", backupId)
        .update();
    return new BackupTarget(
        backupId,
        siteId,
        site.customerId(),
        site.name(),
        site.app(),
        site.hostId(),
        databaseOf(siteId));
  }

  @Override
  public void recordArchived(BackupArchive archive) {
    jdbc.sql(
            """
            UPDATE backup
               SET status = 'VERIFYING', location = :location, size_bytes = :size,
                   files_bytes = :filesBytes, file_count = :fileCount, files_sha256 = :filesSha,
                   database_name = :databaseName, database_bytes = :databaseBytes,
                   database_sha256 = :databaseSha
             WHERE id = :id AND status IN ('RUNNING', 'VERIFYING')
            """)
        .param("location", archive.location())
        .param("size", archive.sizeBytes())
        .param("filesBytes", archive.filesBytes())
        .param("fileCount", archive.fileCount())
        .param("filesSha", archive.filesSha256())
        .param("databaseName", archive.databaseName())
        .param("databaseBytes", archive.databaseBytes())
        .param("databaseSha", archive.databaseSha256())
        .param("id", archive.backupId())
        .update();
  }

  @Override
  public void recordVerification(long backupId, Verification verification) {
    jdbc.sql(
            """
            UPDATE backup
               SET status = :status, failure_reason = :reason,
                   verified_at = CASE WHEN :ok THEN now() END,
                   finished_at = COALESCE(finished_at, now())
             WHERE id = :id AND status IN ('RUNNING', 'VERIFYING')
            """)
        .param("status", verification.ok() ? "VERIFIED" : "CORRUPT")
        .param("reason", verification.ok() ? null : shortened(verification.problem()))
        .param("ok", verification.ok())
        .param("id", backupId)
        .update();
  }

  @Override
  public void recordBackupFailed(long backupId, String reason) {
    jdbc.sql(
            """
            UPDATE backup
               SET status = 'FAILED', failure_reason = :reason,
                   finished_at = COALESCE(finished_at, now())
             WHERE id = :id AND status = 'RUNNING'
            """)
        .param("reason", shortened(reason))
        .param("id", backupId)
        .update();
  }

  /**
   * Applies {@link BackupRetention} with the plan of the site (its subscription's, else its
   * order's) in the site's backup time zone. A backup a running restore uses is never expired. A
   * FAILED backup has no location recorded; the storage's layout names where a half-made one would
   * be, so its leftovers are removed too.
   */
  @Override
  public List<ExpiredBackup> expiredBackups(long siteId) {
    Map<String, Object> plan =
        jdbc.sql(
                """
                SELECT p.backup_daily_keep, p.backup_weekly_keep,
                       COALESCE(bs.time_zone, 'UTC') AS time_zone
                  FROM site s
                  JOIN orders o ON o.id = s.order_id
                  LEFT JOIN subscription sub ON sub.order_id = s.order_id
                  JOIN plan p ON p.id = COALESCE(sub.plan_id, o.plan_id)
                  LEFT JOIN backup_schedule bs ON bs.site_id = s.id
                 WHERE s.id = :site
                """)
            .param("site", siteId)
            .query()
            .singleRow();
    BackupRetention retention =
        new BackupRetention(
            ((Number) plan.get("backup_daily_keep")).intValue(),
            ((Number) plan.get("backup_weekly_keep")).intValue(),
            zone((String) plan.get("time_zone")));
    List<StoredBackup> backups =
        jdbc.sql(
                """
                SELECT b.id, b.kind, b.status, b.started_at,
                       COALESCE(b.host_id, s.host_id) AS host_id,
                       COALESCE(b.location, 'site-' || b.site_id || '/backup-' || b.id)
                           AS location
                  FROM backup b JOIN site s ON s.id = b.site_id
                 WHERE b.site_id = :site AND b.status <> 'DELETED'
                   AND NOT EXISTS (SELECT 1 FROM restore r
                                    WHERE r.status = 'RUNNING'
                                      AND (r.backup_id = b.id OR r.pre_restore_backup_id = b.id))
                """)
            .param("site", siteId)
            .query(
                (rs, i) ->
                    new StoredBackup(
                        new Candidate(
                            rs.getLong("id"),
                            BackupKind.valueOf(rs.getString("kind")),
                            rs.getString("status"),
                            rs.getObject("started_at", OffsetDateTime.class).toInstant()),
                        rs.getString("host_id"),
                        rs.getString("location")))
            .list();
    Map<Long, StoredBackup> byId =
        backups.stream().collect(Collectors.toMap(b -> b.candidate().id(), b -> b));
    return retention
        .expired(backups.stream().map(StoredBackup::candidate).toList(), clock.instant())
        .stream()
        .map(c -> byId.get(c.id()))
        .filter(b -> b.hostId() != null)
        .map(b -> new ExpiredBackup(b.candidate().id(), b.hostId(), b.location()))
        .toList();
  }

  private record StoredBackup(Candidate candidate, String hostId, String location) {}

  @Override
  public void recordDeleted(long backupId) {
    jdbc.sql(
            """
            UPDATE backup SET status = 'DELETED', deleted_at = COALESCE(deleted_at, now())
             WHERE id = :id
            """)
        .param("id", backupId)
        .update();
  }

  /**
   * The restore's backup must be VERIFIED and stored on the target's host, the target a live site
   * of the backup's customer with the same app; otherwise a non-retryable failure says which.
   */
  @Override
  public RestoreTarget prepareRestore(long restoreId) {
    RestoreRow restore =
        jdbc.sql(
                """
                SELECT r.id, r.status, r.target_site_id, b.id AS backup_id, b.status AS backup_status,
                       b.customer_id, b.host_id, b.site_id, b.location, b.size_bytes,
                       b.files_bytes, b.file_count, b.files_sha256, b.database_name,
                       b.database_bytes, b.database_sha256,
                       EXTRACT(EPOCH FROM (b.finished_at - b.started_at)) * 1000 AS duration,
                       src.app AS backup_app
                  FROM restore r
                  JOIN backup b ON b.id = r.backup_id
                  JOIN site src ON src.id = b.site_id
                 WHERE r.id = :id
                """)
            .param("id", restoreId)
            .query(
                (rs, i) ->
                    new RestoreRow(
                        rs.getString("status"),
                        rs.getLong("target_site_id"),
                        rs.getString("backup_status"),
                        rs.getLong("customer_id"),
                        rs.getString("host_id"),
                        rs.getString("backup_app"),
                        new BackupArchive(
                            rs.getLong("backup_id"),
                            rs.getLong("site_id"),
                            rs.getString("location"),
                            rs.getLong("size_bytes"),
                            rs.getLong("files_bytes"),
                            rs.getInt("file_count"),
                            rs.getString("files_sha256"),
                            rs.getString("database_name"),
                            rs.getLong("database_bytes"),
                            rs.getString("database_sha256"),
                            rs.getLong("duration"))))
            .optional()
            .orElseThrow(
                () ->
                    new PermanentException(
                        FailureType.NOT_FOUND, "Restore " + restoreId + " not found"));
    if (!restore.status().equals("RUNNING")) {
      throw new PermanentException(
          FailureType.CONFLICT, "This restore has already ended (" + restore.status() + ").");
    }
    if (!restore.backupStatus().equals("VERIFIED")) {
      throw new PermanentException(
          FailureType.INVALID_INPUT, notRestorable(restore.backupStatus()));
    }
    SiteRow target =
        site(restore.targetSiteId())
            .orElseThrow(
                () ->
                    new PermanentException(
                        FailureType.NOT_FOUND, "Site " + restore.targetSiteId() + " not found"));
    if (target.customerId() != restore.customerId()) {
      throw new PermanentException(
          FailureType.NOT_FOUND, "Site " + restore.targetSiteId() + " not found");
    }
    if (!LIVE.contains(target.status())) {
      throw new PermanentException(
          FailureType.INVALID_INPUT,
          "The site "
              + target.name()
              + " is "
              + target.status().toLowerCase(Locale.ROOT)
              + "; a backup can only be restored into a running or stopped site.");
    }
    if (!target.app().equals(restore.backupApp())) {
      throw new PermanentException(
          FailureType.INVALID_INPUT,
          "A backup of a "
              + restore.backupApp()
              + " site cannot be restored into "
              + target.name()
              + ", which is a "
              + target.app()
              + " site.");
    }
    if (!target.hostId().equals(restore.hostId())) {
      throw new PermanentException(
          FailureType.INVALID_INPUT,
          "The backup is stored on host "
              + restore.hostId()
              + " but "
              + target.name()
              + " runs on host "
              + target.hostId()
              + "; restore it into a site on the same host.");
    }
    return new RestoreTarget(
        restoreId,
        restore.archive(),
        target.id(),
        target.customerId(),
        target.hostId(),
        databaseOf(target.id()),
        new RouteSpec(target.id(), target.name(), target.hostPort()));
  }

  private record RestoreRow(
      String status,
      long targetSiteId,
      String backupStatus,
      long customerId,
      String hostId,
      String backupApp,
      BackupArchive archive) {}

  private static String notRestorable(String status) {
    return switch (status) {
      case "CORRUPT" -> "This backup did not pass verification and cannot be restored.";
      case "DELETED" -> "This backup has been deleted.";
      case "FAILED" -> "This backup could not be made and cannot be restored.";
      default -> "This backup is still being made or verified; try again when it is verified.";
    };
  }

  @Override
  public void recordPreRestoreBackup(long restoreId, long backupId) {
    jdbc.sql("UPDATE restore SET pre_restore_backup_id = :backup WHERE id = :id")
        .param("backup", backupId)
        .param("id", restoreId)
        .update();
  }

  @Override
  public void recordRestoreFinished(long restoreId, boolean completed, String reason) {
    jdbc.sql(
            """
            UPDATE restore SET status = :status, failure_reason = :reason, finished_at = now()
             WHERE id = :id AND status = 'RUNNING'
            """)
        .param("status", completed ? "COMPLETED" : "FAILED")
        .param("reason", completed ? null : shortened(reason))
        .param("id", restoreId)
        .update();
  }

  private java.util.Optional<SiteRow> site(long siteId) {
    return jdbc.sql(
            """
            SELECT id, customer_id, name, app, status, host_id, host_port FROM site WHERE id = :id
            """)
        .param("id", siteId)
        .query(
            (rs, i) ->
                new SiteRow(
                    rs.getLong("id"),
                    rs.getLong("customer_id"),
                    rs.getString("name"),
                    rs.getString("app"),
                    rs.getString("status"),
                    rs.getString("host_id"),
                    (Integer) rs.getObject("host_port")))
        .optional();
  }

  /** The site's database on the customer's server (made for it or linked to it), if any. */
  private String databaseOf(long siteId) {
    return jdbc.sql(
            """
            SELECT name FROM customer_database
             WHERE site_id = :site AND status <> 'DELETED' ORDER BY id LIMIT 1
            """)
        .param("site", siteId)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private static ZoneId zone(String name) {
    try {
      return ZoneId.of(name);
    } catch (RuntimeException e) {
      return ZoneOffset.UTC;
    }
  }

  private static String shortened(String reason) {
    return reason == null || reason.length() <= MAX_REASON
        ? reason
        : reason.substring(0, MAX_REASON - 1) + "…";
  }
}
