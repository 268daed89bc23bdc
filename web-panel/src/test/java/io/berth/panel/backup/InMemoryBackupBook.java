package io.berth.panel.backup;

import io.berth.panel.common.ConflictException;
import io.berth.panel.testing.Resettable;
import io.berth.workflows.backup.BackupKind;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Backup, restore and schedule rows in memory, with the database's rules: one backup in progress
 * per site (checked as the customer lock would), one running restore per target site (the unique
 * index).
 */
public class InMemoryBackupBook implements BackupBook, Resettable {

  private final Map<Long, BackupRow> backups = new ConcurrentHashMap<>();
  private final Map<Long, RestoreRow> restores = new ConcurrentHashMap<>();
  private final Map<Long, BackupSchedule> schedules = new ConcurrentHashMap<>();
  private final Map<Long, Retention> retentions = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(100);

  @Override
  public synchronized void reset() {
    backups.clear();
    restores.clear();
    schedules.clear();
    retentions.clear();
  }

  /** A backup row as the backup workflow would have left it. */
  public BackupRow add(
      long customerId,
      long siteId,
      BackupKind kind,
      BackupStatus status,
      String hostId,
      Long sizeBytes,
      Instant startedAt,
      Instant finishedAt,
      String failureReason) {
    long id = ids.incrementAndGet();
    BackupRow row =
        new BackupRow(
            id,
            siteId,
            customerId,
            kind,
            status,
            "backup-" + siteId + "-test-" + id,
            hostId,
            sizeBytes,
            startedAt,
            finishedAt,
            failureReason);
    backups.put(id, row);
    return row;
  }

  /** A restore row as its workflow would have left it. */
  public RestoreRow addRestore(RestoreRow row) {
    restores.put(row.id(), row);
    return row;
  }

  public void retention(long siteId, Retention retention) {
    retentions.put(siteId, retention);
  }

  /** Every backup row, deleted ones too. */
  public List<BackupRow> allBackups() {
    return backups.values().stream().sorted(Comparator.comparing(BackupRow::id)).toList();
  }

  public List<RestoreRow> allRestores() {
    return restores.values().stream().sorted(Comparator.comparing(RestoreRow::id)).toList();
  }

  public Map<Long, BackupSchedule> schedules() {
    return Map.copyOf(schedules);
  }

  @Override
  public List<BackupRow> backupsOf(long siteId) {
    return backups.values().stream()
        .filter(b -> b.siteId() == siteId && b.status() != BackupStatus.DELETED)
        .sorted(Comparator.comparing(BackupRow::id).reversed())
        .toList();
  }

  @Override
  public Optional<BackupRow> backup(long backupId) {
    return Optional.ofNullable(backups.get(backupId));
  }

  @Override
  public synchronized long recordManualBackup(
      long customerId, long siteId, String hostId, String workflowId) {
    if (backups.values().stream().anyMatch(b -> b.siteId() == siteId && b.status().inProgress())) {
      throw new ConflictException(BackupService.BACKUP_RUNNING);
    }
    long id = ids.incrementAndGet();
    backups.put(
        id,
        new BackupRow(
            id,
            siteId,
            customerId,
            BackupKind.MANUAL,
            BackupStatus.RUNNING,
            workflowId,
            hostId,
            null,
            Instant.now(),
            null,
            null));
    return id;
  }

  @Override
  public synchronized void markBackupFailed(long backupId, String reason) {
    BackupRow b = backups.get(backupId);
    if (b != null && b.status().inProgress()) {
      backups.put(
          backupId,
          new BackupRow(
              b.id(),
              b.siteId(),
              b.customerId(),
              b.kind(),
              BackupStatus.FAILED,
              b.workflowId(),
              b.hostId(),
              b.sizeBytes(),
              b.startedAt(),
              Instant.now(),
              reason));
    }
  }

  @Override
  public synchronized long recordRestore(long customerId, long backupId, long targetSiteId) {
    if (restores.values().stream()
        .anyMatch(r -> r.targetSiteId() == targetSiteId && r.status() == RestoreStatus.RUNNING)) {
      throw new ConflictException(BackupService.RESTORE_RUNNING);
    }
    long id = ids.incrementAndGet();
    restores.put(
        id,
        new RestoreRow(
            id,
            backupId,
            targetSiteId,
            customerId,
            RestoreStatus.RUNNING,
            null,
            Instant.now(),
            null,
            null));
    return id;
  }

  @Override
  public Optional<RestoreRow> restore(long restoreId) {
    return Optional.ofNullable(restores.get(restoreId));
  }

  @Override
  public Optional<RestoreRow> latestRestoreInto(long siteId) {
    return restores.values().stream()
        .filter(r -> r.targetSiteId() == siteId)
        .max(Comparator.comparing(RestoreRow::id));
  }

  @Override
  public synchronized void markRestoreFailed(long restoreId, String reason) {
    RestoreRow r = restores.get(restoreId);
    if (r != null && r.status() == RestoreStatus.RUNNING) {
      restores.put(
          restoreId,
          new RestoreRow(
              r.id(),
              r.backupId(),
              r.targetSiteId(),
              r.customerId(),
              RestoreStatus.FAILED,
              r.preRestoreBackupId(),
              r.startedAt(),
              Instant.now(),
              reason));
    }
  }

  @Override
  public Optional<BackupSchedule> schedule(long siteId) {
    return Optional.ofNullable(schedules.get(siteId));
  }

  @Override
  public void saveSchedule(BackupSchedule schedule) {
    schedules.put(schedule.siteId(), schedule);
  }

  @Override
  public Retention retentionOf(long siteId) {
    return retentions.getOrDefault(siteId, new Retention(7, 4));
  }
}
