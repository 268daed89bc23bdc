package io.berth.panel.backup;

import io.berth.panel.common.ConflictException;
import io.berth.panel.common.CustomerLocks;
import io.berth.workflows.backup.BackupKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link BackupBook} on the platform database, with {@link JdbcClient}. */
@Component
class JdbcBackupBook implements BackupBook {

  private static final String BACKUP_COLUMNS =
      "id, site_id, customer_id, kind, status, workflow_id, host_id, size_bytes, started_at,"
          + " finished_at, failure_reason";
  private static final String RESTORE_COLUMNS =
      "id, backup_id, target_site_id, customer_id, status, pre_restore_backup_id, started_at,"
          + " finished_at, failure_reason";

  private final JdbcClient jdbc;
  private final CustomerLocks locks;

  JdbcBackupBook(JdbcClient jdbc, CustomerLocks locks) {
    this.jdbc = jdbc;
    this.locks = locks;
  }

  @Override
  public List<BackupRow> backupsOf(long siteId) {
    return jdbc.sql(
            "SELECT "
                + BACKUP_COLUMNS
                + " FROM backup WHERE site_id = ? AND status <> 'DELETED' ORDER BY id DESC")
        .param(siteId)
        .query(JdbcBackupBook::backup)
        .list();
  }

  @Override
  public Optional<BackupRow> backup(long backupId) {
    return jdbc.sql("SELECT " + BACKUP_COLUMNS + " FROM backup WHERE id = ?")
        .param(backupId)
        .query(JdbcBackupBook::backup)
        .optional();
  }

  @Override
  @Transactional
  public long recordManualBackup(long customerId, long siteId, String hostId, String workflowId) {
    locks.lock(customerId);
    boolean running =
        jdbc.sql(
                    "SELECT count(*) FROM backup WHERE site_id = ? AND status IN ('RUNNING',"
                        + " 'VERIFYING')")
                .param(siteId)
                .query(Long.class)
                .single()
            > 0;
    if (running) {
      throw new ConflictException(BackupService.BACKUP_RUNNING);
    }
    return jdbc.sql(
            """
            INSERT INTO backup (site_id, customer_id, kind, status, workflow_id, host_id)
            VALUES (?, ?, 'MANUAL', 'RUNNING', ?, ?)
            ON CONFLICT (workflow_id) DO UPDATE SET workflow_id = EXCLUDED.workflow_id
            RETURNING id
            """)
        .params(siteId, customerId, workflowId, hostId)
        .query(Long.class)
        .single();
  }

  @Override
  public void markBackupFailed(long backupId, String reason) {
    jdbc.sql(
            "UPDATE backup SET status = 'FAILED', failure_reason = ?, finished_at = now()"
                + " WHERE id = ? AND status IN ('RUNNING', 'VERIFYING')")
        .params(reason, backupId)
        .update();
  }

  @Override
  public long recordRestore(long customerId, long backupId, long targetSiteId) {
    try {
      return jdbc.sql(
              """
              INSERT INTO restore (backup_id, target_site_id, customer_id, status)
              VALUES (?, ?, ?, 'RUNNING')
              RETURNING id
              """)
          .params(backupId, targetSiteId, customerId)
          .query(Long.class)
          .single();
    } catch (DuplicateKeyException e) {
      throw new ConflictException(BackupService.RESTORE_RUNNING);
    }
  }

  @Override
  public Optional<RestoreRow> restore(long restoreId) {
    return jdbc.sql("SELECT " + RESTORE_COLUMNS + " FROM restore WHERE id = ?")
        .param(restoreId)
        .query(JdbcBackupBook::restore)
        .optional();
  }

  @Override
  public Optional<RestoreRow> latestRestoreInto(long siteId) {
    return jdbc.sql(
            "SELECT "
                + RESTORE_COLUMNS
                + " FROM restore WHERE target_site_id = ? ORDER BY id DESC LIMIT 1")
        .param(siteId)
        .query(JdbcBackupBook::restore)
        .optional();
  }

  @Override
  public void markRestoreFailed(long restoreId, String reason) {
    jdbc.sql(
            "UPDATE restore SET status = 'FAILED', failure_reason = ?, finished_at = now()"
                + " WHERE id = ? AND status = 'RUNNING'")
        .params(reason, restoreId)
        .update();
  }

  @Override
  public Optional<BackupSchedule> schedule(long siteId) {
    return jdbc.sql(
            "SELECT site_id, time_of_day, time_zone, enabled FROM backup_schedule WHERE site_id ="
                + " ?")
        .param(siteId)
        .query(
            (rs, n) ->
                new BackupSchedule(
                    rs.getLong("site_id"),
                    rs.getTime("time_of_day").toLocalTime(),
                    rs.getString("time_zone"),
                    rs.getBoolean("enabled")))
        .optional();
  }

  @Override
  public void saveSchedule(BackupSchedule schedule) {
    jdbc.sql(
            """
            INSERT INTO backup_schedule (site_id, time_of_day, time_zone, enabled, updated_at)
            VALUES (?, ?, ?, ?, now())
            ON CONFLICT (site_id) DO UPDATE
               SET time_of_day = EXCLUDED.time_of_day, time_zone = EXCLUDED.time_zone,
                   enabled = EXCLUDED.enabled, updated_at = now()
            """)
        .params(
            schedule.siteId(),
            Time.valueOf(schedule.timeOfDay()),
            schedule.timeZone(),
            schedule.enabled())
        .update();
  }

  @Override
  public Retention retentionOf(long siteId) {
    return jdbc.sql(
            """
            SELECT p.backup_daily_keep, p.backup_weekly_keep
              FROM site s
              JOIN orders o ON o.id = s.order_id
              LEFT JOIN subscription sub ON sub.order_id = s.order_id AND sub.status <> 'TERMINATED'
              JOIN plan p ON p.id = COALESCE(sub.plan_id, o.plan_id)
             WHERE s.id = ?
            """)
        .param(siteId)
        .query((rs, n) -> new Retention(rs.getInt(1), rs.getInt(2)))
        .optional()
        .orElse(new Retention(7, 4));
  }

  private static BackupRow backup(ResultSet rs, int rowNum) throws SQLException {
    long size = rs.getLong("size_bytes");
    Long sizeBytes = rs.wasNull() ? null : size;
    return new BackupRow(
        rs.getLong("id"),
        rs.getLong("site_id"),
        rs.getLong("customer_id"),
        BackupKind.valueOf(rs.getString("kind")),
        BackupStatus.valueOf(rs.getString("status")),
        rs.getString("workflow_id"),
        rs.getString("host_id"),
        sizeBytes,
        instant(rs.getTimestamp("started_at")),
        instant(rs.getTimestamp("finished_at")),
        rs.getString("failure_reason"));
  }

  private static RestoreRow restore(ResultSet rs, int rowNum) throws SQLException {
    long preRestore = rs.getLong("pre_restore_backup_id");
    Long preRestoreId = rs.wasNull() ? null : preRestore;
    return new RestoreRow(
        rs.getLong("id"),
        rs.getLong("backup_id"),
        rs.getLong("target_site_id"),
        rs.getLong("customer_id"),
        RestoreStatus.valueOf(rs.getString("status")),
        preRestoreId,
        instant(rs.getTimestamp("started_at")),
        instant(rs.getTimestamp("finished_at")),
        rs.getString("failure_reason"));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
