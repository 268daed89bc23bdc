package io.berth.workflows.backup;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/**
 * The platform database's side of backups and restores, on {@code berth-control}. Idempotent: a
 * retried call finds the row an earlier attempt wrote.
 */
@ActivityInterface
public interface BackupRecordActivities {

  /**
   * Records a RUNNING backup for this workflow run (one row per {@code workflowId}, made on the
   * first call, found on a retry) and says what it covers.
   *
   * @throws io.temporal.failure.ApplicationFailure non-retryable when the site is not live (not
   *     RUNNING or STOPPED) or unknown
   */
  BackupTarget prepareBackup(long siteId, BackupKind kind, String workflowId);

  /** The archive is stored: sizes, checksums and location recorded, status VERIFYING. */
  void recordArchived(BackupArchive archive);

  /** Verification ended: VERIFIED, or CORRUPT with the problem as the failure reason. */
  void recordVerification(long backupId, Verification verification);

  /** The backup could not be made: FAILED with the reason. */
  void recordBackupFailed(long backupId, String reason);

  /**
   * The site's backups its plan no longer keeps (its {@code backup_daily_keep} newest days and
   * {@code backup_weekly_keep} newest weeks stay; CORRUPT and FAILED ones go after a day;
   * PRE_RESTORE ones after 14 days), oldest first.
   */
  List<ExpiredBackup> expiredBackups(long siteId);

  /** The backup's archive is gone: DELETED. */
  void recordDeleted(long backupId);

  /**
   * Reads the restore row, its backup and its target site.
   *
   * @throws io.temporal.failure.ApplicationFailure non-retryable when the backup is not VERIFIED,
   *     the target site is not live, the apps differ, or the backup is stored on another host
   */
  RestoreTarget prepareRestore(long restoreId);

  /** The pre-restore backup of the target, for the restore's row and the panel. */
  void recordPreRestoreBackup(long restoreId, long backupId);

  /** The restore ended: COMPLETED, or FAILED with the reason (the target kept its data). */
  void recordRestoreFinished(long restoreId, boolean completed, String reason);
}
