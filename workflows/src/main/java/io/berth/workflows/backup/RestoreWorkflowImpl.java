package io.berth.workflows.backup;

import io.berth.workflows.common.ActivityStubs;
import io.berth.workflows.common.BerthSearchAttributes;
import io.berth.workflows.common.FailureReasons;
import io.berth.workflows.common.TaskQueues;
import io.berth.workflows.progress.Progress;
import io.berth.workflows.progress.StepTracker;
import io.berth.workflows.site.SiteHostActivities;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.common.SearchAttributes;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import java.util.Map;

/**
 * Backs the target up first (the way back), checks the archive, stages it beside the live data,
 * swaps it in, checks the site's health and cleans up. Nothing live is touched before the staging
 * step; from there on the rollback is the compensation, so a restore that fails for good leaves the
 * site as it was. Every host step is idempotent, so a worker killed mid-restore is survived by
 * retrying the step it was in.
 */
public class RestoreWorkflowImpl implements RestoreWorkflow {

  /** Failure type of a restore that ended without replacing the site's data. */
  static final String RESTORE_FAILED = "RESTORE_FAILED";

  private final BackupRecordActivities records =
      Workflow.newActivityStub(BackupRecordActivities.class, ActivityStubs.control());
  private final StepTracker steps = new StepTracker(STEPS);

  @Override
  public void run(RestoreRequest request) {
    Workflow.upsertMemo(Map.of(Progress.MEMO_KEY, steps.snapshot()));
    long restoreId = request.restoreId();
    RestoreTarget target;
    try {
      target = records.prepareRestore(restoreId);
    } catch (ActivityFailure e) {
      String reason = FailureReasons.of(e);
      steps.fail(STEP_PRE_RESTORE_BACKUP, reason);
      steps.cancelUnfinished();
      records.recordRestoreFinished(restoreId, false, reason);
      throw ApplicationFailure.newNonRetryableFailureWithCause(reason, RESTORE_FAILED, e);
    }
    Workflow.upsertTypedSearchAttributes(
        BerthSearchAttributes.SITE_ID.valueSet(Long.toString(target.targetSiteId())),
        BerthSearchAttributes.CUSTOMER_ID.valueSet(Long.toString(target.targetCustomerId())));

    backUpTarget(target);
    checkArchive(target);
    replace(target);
  }

  /** The target as it is now, verified, before anything is replaced. */
  private void backUpTarget(RestoreTarget target) {
    steps.start(STEP_PRE_RESTORE_BACKUP);
    BackupWorkflow backup =
        Workflow.newChildWorkflowStub(
            BackupWorkflow.class,
            ChildWorkflowOptions.newBuilder()
                .setWorkflowId(
                    BackupWorkflow.preRestoreWorkflowId(target.targetSiteId(), target.restoreId()))
                .setTaskQueue(TaskQueues.CONTROL)
                .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
                .setTypedSearchAttributes(
                    SearchAttributes.newBuilder()
                        .set(
                            BerthSearchAttributes.CUSTOMER_ID,
                            Long.toString(target.targetCustomerId()))
                        .set(BerthSearchAttributes.SITE_ID, Long.toString(target.targetSiteId()))
                        .build())
                .build());
    BackupResult result;
    try {
      result = backup.run(new BackupRequest(target.targetSiteId(), BackupKind.PRE_RESTORE));
    } catch (ChildWorkflowFailure e) {
      stopUntouched(
          target,
          STEP_PRE_RESTORE_BACKUP,
          "your site could not be backed up first (" + FailureReasons.of(e) + ")",
          e);
      return;
    }
    records.recordPreRestoreBackup(target.restoreId(), result.backupId());
    if (!result.verified()) {
      stopUntouched(
          target,
          STEP_PRE_RESTORE_BACKUP,
          "the backup of your site made just before it did not pass verification",
          null);
    }
    steps.done(STEP_PRE_RESTORE_BACKUP);
  }

  private void checkArchive(RestoreTarget target) {
    steps.start(STEP_CHECK);
    try {
      longHost(target).checkArchive(target.archive());
    } catch (ActivityFailure e) {
      stopUntouched(target, STEP_CHECK, FailureReasons.of(e), e);
    }
    steps.done(STEP_CHECK);
  }

  /** Stage → swap → health → clean up; the rollback undoes whatever of it happened. */
  private void replace(RestoreTarget target) {
    BackupHostActivities host = longHost(target);
    SiteHostActivities health =
        Workflow.newActivityStub(
            SiteHostActivities.class, ActivityStubs.health(target.targetHostId()));
    RestoreJob job = target.job();
    String step = STEP_STAGE;
    try {
      steps.start(STEP_STAGE);
      host.stageRestore(job);
      steps.done(STEP_STAGE);

      step = STEP_SWAP;
      steps.start(STEP_SWAP);
      host.swapInRestore(job);
      steps.done(STEP_SWAP);

      step = STEP_HEALTH;
      steps.start(STEP_HEALTH);
      health.checkHealth(target.route());
      steps.done(STEP_HEALTH);
    } catch (ActivityFailure e) {
      String reason = FailureReasons.of(e);
      steps.fail(step, reason);
      steps.cancelUnfinished();
      Workflow.newDetachedCancellationScope(() -> host.rollbackRestore(job)).run();
      String message = failedMessage(reason);
      records.recordRestoreFinished(target.restoreId(), false, message);
      throw ApplicationFailure.newNonRetryableFailureWithCause(message, RESTORE_FAILED, e);
    }

    steps.start(STEP_CLEAN_UP);
    host.finishRestore(job);
    records.recordRestoreFinished(target.restoreId(), true, null);
    steps.done(STEP_CLEAN_UP);
  }

  /** Ends the restore before anything of the site was replaced. */
  private void stopUntouched(RestoreTarget target, String step, String reason, Exception cause) {
    steps.fail(step, reason);
    steps.cancelUnfinished();
    String message = failedMessage(reason);
    records.recordRestoreFinished(target.restoreId(), false, message);
    throw cause == null
        ? ApplicationFailure.newNonRetryableFailure(message, RESTORE_FAILED)
        : ApplicationFailure.newNonRetryableFailureWithCause(message, RESTORE_FAILED, cause);
  }

  private static String failedMessage(String reason) {
    String trimmed = reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason;
    return "The restore failed: " + trimmed + ". Your site was left as it was before the restore.";
  }

  private BackupHostActivities longHost(RestoreTarget target) {
    return Workflow.newActivityStub(
        BackupHostActivities.class, BackupActivityOptions.longHostStep(target.targetHostId()));
  }

  @Override
  public Progress progress() {
    return steps.snapshot();
  }
}
