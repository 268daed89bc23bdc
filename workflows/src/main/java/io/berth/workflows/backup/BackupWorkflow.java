package io.berth.workflows.backup;

import io.berth.workflows.progress.Progress;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * One backup of one site, on {@code berth-control}; the archive is made, verified and deleted on
 * the site's host queue.
 *
 * <p>Steps: record the backup → archive the site's files and dump its database into the storage,
 * with checksums → verify by restoring to a scratch container → apply the plan's retention. A
 * backup that fails verification is recorded CORRUPT and never offered for restore.
 *
 * <p>Started three ways: by the site's Temporal Schedule {@link #scheduleId} (daily, id {@link
 * #scheduledWorkflowId} plus the time Temporal appends), by "Back up now" ({@link
 * #manualWorkflowId}) and by a restore ({@link #preRestoreWorkflowId}).
 */
@WorkflowInterface
public interface BackupWorkflow {

  String STEP_ARCHIVE = "archive";
  String STEP_VERIFY = "verify";
  String STEP_RETENTION = "retention";

  List<String> STEPS = List.of(STEP_ARCHIVE, STEP_VERIFY, STEP_RETENTION);

  /** The site's daily backup schedule in Temporal. */
  static String scheduleId(long siteId) {
    return "backup-site-" + siteId;
  }

  /** What the schedule names the workflows it starts (Temporal appends the scheduled time). */
  static String scheduledWorkflowId(long siteId) {
    return "backup-" + siteId + "-scheduled";
  }

  /** A "Back up now" backup; {@code requestId} makes a double click one backup. */
  static String manualWorkflowId(long siteId, String requestId) {
    return "backup-" + siteId + "-manual-" + requestId;
  }

  /** The backup a restore makes of the target site before it replaces anything. */
  static String preRestoreWorkflowId(long siteId, long restoreId) {
    return "backup-" + siteId + "-pre-restore-" + restoreId;
  }

  @WorkflowMethod
  BackupResult run(BackupRequest request);

  @QueryMethod
  Progress progress();
}
