package io.berth.panel.backup;

import io.berth.workflows.progress.Progress;

/**
 * The panel's port to the backup and restore workflows. Starts fail with {@link
 * io.berth.panel.common.ServiceUnavailableException} when Temporal cannot be reached.
 */
interface BackupWorkflows {

  /**
   * Starts a "Back up now" {@code BackupWorkflow} with this id on {@code berth-control}, with the
   * site's and the customer's search attributes.
   */
  void startManualBackup(String workflowId, long siteId, long customerId);

  /** Starts {@code restore-<restoreId>} on {@code berth-control}, with the search attributes. */
  void startRestore(long restoreId, long targetSiteId, long customerId);

  /** The backup workflow's steps (pending ones if it does not exist). */
  Progress backupProgress(String workflowId);

  /** The restore workflow's steps (pending ones if it does not exist). */
  Progress restoreProgress(long restoreId);
}
