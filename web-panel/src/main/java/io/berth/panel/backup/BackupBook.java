package io.berth.panel.backup;

import java.util.List;
import java.util.Optional;

/**
 * The panel's reads and writes of the {@code backup}, {@code restore} and {@code backup_schedule}
 * rows. Ownership is checked by the caller ({@link BackupService}); the book only keeps the rules
 * the database keeps: one backup in progress per site, one running restore per target site.
 */
interface BackupBook {

  /** The site's backups that still exist (not DELETED), newest first. */
  List<BackupRow> backupsOf(long siteId);

  Optional<BackupRow> backup(long backupId);

  /**
   * Under the customer's lock, refuses while the site has a RUNNING or VERIFYING backup, then
   * records a RUNNING MANUAL backup for {@code workflowId}.
   *
   * @return the new backup's id
   * @throws io.berth.panel.common.ConflictException while another backup of the site is in progress
   */
  long recordManualBackup(long customerId, long siteId, String hostId, String workflowId);

  /** The backup could not be started: FAILED with the reason, finished now. */
  void markBackupFailed(long backupId, String reason);

  /**
   * Records a RUNNING restore of the backup into the target site.
   *
   * @return the new restore's id
   * @throws io.berth.panel.common.ConflictException when a restore into that site is running
   */
  long recordRestore(long customerId, long backupId, long targetSiteId);

  Optional<RestoreRow> restore(long restoreId);

  /** The newest restore into the site, if it ever had one. */
  Optional<RestoreRow> latestRestoreInto(long siteId);

  /** The restore could not be started: FAILED with the reason, finished now. */
  void markRestoreFailed(long restoreId, String reason);

  /** The site's own schedule; empty when it runs at the default time. */
  Optional<BackupSchedule> schedule(long siteId);

  /** Stores the site's schedule, replacing the one it had. */
  void saveSchedule(BackupSchedule schedule);

  /** What the site's plan keeps: its live subscription's plan, else its order's. */
  Retention retentionOf(long siteId);
}
