package io.berth.workflows.backup;

import io.berth.workflows.common.FailureType;
import io.berth.workflows.site.RouteSpec;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** The platform database's backup and restore rows, in memory, for workflow tests. */
class FakeBackupRecords implements BackupRecordActivities {

  static final String HOST = "h1";
  static final long CUSTOMER = 7;

  final Map<String, Long> idsByWorkflow = new ConcurrentHashMap<>();
  final Map<Long, String> statuses = new ConcurrentHashMap<>();
  final Map<Long, BackupKind> kinds = new ConcurrentHashMap<>();
  final Map<Long, String> failureReasons = new ConcurrentHashMap<>();
  final Map<Long, BackupArchive> archives = new ConcurrentHashMap<>();
  final Map<Long, Long> sitesOfBackups = new ConcurrentHashMap<>();
  final List<ExpiredBackup> expired = new CopyOnWriteArrayList<>();

  /** restore id → the backup it restores and its target site. */
  final Map<Long, long[]> restores = new ConcurrentHashMap<>();

  final Map<Long, String> restoreStatuses = new ConcurrentHashMap<>();
  final Map<Long, String> restoreReasons = new ConcurrentHashMap<>();
  final Map<Long, Long> preRestoreBackups = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(100);

  @Override
  public BackupTarget prepareBackup(long siteId, BackupKind kind, String workflowId) {
    long id =
        idsByWorkflow.computeIfAbsent(
            workflowId,
            w -> {
              long made = ids.incrementAndGet();
              statuses.put(made, "RUNNING");
              kinds.put(made, kind);
              sitesOfBackups.put(made, siteId);
              return made;
            });
    return new BackupTarget(id, siteId, CUSTOMER, "blog", "static", HOST, null);
  }

  @Override
  public void recordArchived(BackupArchive archive) {
    archives.put(archive.backupId(), archive);
    statuses.put(archive.backupId(), "VERIFYING");
  }

  @Override
  public void recordVerification(long backupId, Verification verification) {
    statuses.put(backupId, verification.ok() ? "VERIFIED" : "CORRUPT");
    if (!verification.ok()) {
      failureReasons.put(backupId, verification.problem());
    }
  }

  @Override
  public void recordBackupFailed(long backupId, String reason) {
    statuses.put(backupId, "FAILED");
    failureReasons.put(backupId, reason);
  }

  @Override
  public List<ExpiredBackup> expiredBackups(long siteId) {
    return new ArrayList<>(expired);
  }

  @Override
  public void recordDeleted(long backupId) {
    statuses.put(backupId, "DELETED");
  }

  /** A verified backup of the site, stored on the host, and a RUNNING restore of it. */
  long givenRestore(long restoreId, FakeBackupHost host, long siteId, String data) {
    long backupId = ids.incrementAndGet();
    String location = "site-" + siteId + "/backup-" + backupId;
    host.stored.put(location, data);
    archives.put(backupId, FakeBackupHost.archive(backupId, siteId, location));
    statuses.put(backupId, "VERIFIED");
    sitesOfBackups.put(backupId, siteId);
    restores.put(restoreId, new long[] {backupId, siteId});
    restoreStatuses.put(restoreId, "RUNNING");
    return backupId;
  }

  @Override
  public RestoreTarget prepareRestore(long restoreId) {
    long[] restore = restores.get(restoreId);
    if (restore == null) {
      throw ApplicationFailure.newNonRetryableFailure(
          "This restore does not exist.", FailureType.NOT_FOUND.type());
    }
    long backupId = restore[0];
    if (!"VERIFIED".equals(statuses.get(backupId))) {
      throw ApplicationFailure.newNonRetryableFailure(
          "This backup did not pass verification and cannot be restored.",
          FailureType.INVALID_INPUT.type());
    }
    long siteId = restore[1];
    return new RestoreTarget(
        restoreId,
        archives.get(backupId),
        siteId,
        CUSTOMER,
        HOST,
        null,
        new RouteSpec(siteId, "blog", 20000));
  }

  @Override
  public void recordPreRestoreBackup(long restoreId, long backupId) {
    preRestoreBackups.put(restoreId, backupId);
  }

  @Override
  public void recordRestoreFinished(long restoreId, boolean completed, String reason) {
    restoreStatuses.put(restoreId, completed ? "COMPLETED" : "FAILED");
    if (reason != null) {
      restoreReasons.put(restoreId, reason);
    }
  }
}
