package io.berth.workflows.backup;

import io.berth.workflows.common.ActivityStubs;
import io.berth.workflows.common.BerthSearchAttributes;
import io.berth.workflows.common.FailureReasons;
import io.berth.workflows.progress.Progress;
import io.berth.workflows.progress.StepTracker;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.util.List;
import java.util.Map;

/**
 * Records the backup, has the site's host archive and verify it, then lets retention remove what
 * the plan no longer keeps. A backup that could not be made ends the workflow failed with the
 * reason (recorded FAILED); one that does not verify is recorded CORRUPT and the workflow completes
 * with {@code verified = false}.
 */
public class BackupWorkflowImpl implements BackupWorkflow {

  /** Failure type of a backup that could not be made. */
  static final String BACKUP_FAILED = "BACKUP_FAILED";

  private final BackupRecordActivities records =
      Workflow.newActivityStub(BackupRecordActivities.class, ActivityStubs.control());
  private final StepTracker steps = new StepTracker(STEPS);

  @Override
  public BackupResult run(BackupRequest request) {
    Workflow.upsertMemo(Map.of(Progress.MEMO_KEY, steps.snapshot()));
    Workflow.upsertTypedSearchAttributes(
        BerthSearchAttributes.SITE_ID.valueSet(Long.toString(request.siteId())));
    BackupTarget target =
        records.prepareBackup(request.siteId(), request.kind(), Workflow.getInfo().getWorkflowId());
    Workflow.upsertTypedSearchAttributes(
        BerthSearchAttributes.CUSTOMER_ID.valueSet(Long.toString(target.customerId())));
    BackupHostActivities host =
        Workflow.newActivityStub(
            BackupHostActivities.class, BackupActivityOptions.longHostStep(target.hostId()));

    BackupArchive archive = archive(target, host);
    boolean verified = verify(archive, host);
    applyRetention(request.siteId());
    return new BackupResult(target.backupId(), verified);
  }

  private BackupArchive archive(BackupTarget target, BackupHostActivities host) {
    steps.start(STEP_ARCHIVE);
    BackupArchive archive;
    try {
      archive = host.createBackup(target.job());
    } catch (ActivityFailure e) {
      String reason = FailureReasons.of(e);
      steps.fail(STEP_ARCHIVE, reason);
      records.recordBackupFailed(target.backupId(), reason);
      throw ApplicationFailure.newNonRetryableFailureWithCause(reason, BACKUP_FAILED, e);
    }
    records.recordArchived(archive);
    steps.done(STEP_ARCHIVE);
    return archive;
  }

  /**
   * A verification that cannot run to the end counts as a failed one: never offered for restore.
   */
  private boolean verify(BackupArchive archive, BackupHostActivities host) {
    steps.start(STEP_VERIFY);
    Verification verification;
    try {
      verification = host.verifyBackup(archive);
    } catch (ActivityFailure e) {
      verification = Verification.failed(FailureReasons.of(e));
    }
    records.recordVerification(archive.backupId(), verification);
    if (verification.ok()) {
      steps.done(STEP_VERIFY);
    } else {
      steps.fail(STEP_VERIFY, verification.problem());
    }
    return verification.ok();
  }

  private void applyRetention(long siteId) {
    steps.start(STEP_RETENTION);
    List<ExpiredBackup> expired = records.expiredBackups(siteId);
    for (ExpiredBackup backup : expired) {
      BackupHostActivities host =
          Workflow.newActivityStub(BackupHostActivities.class, ActivityStubs.host(backup.hostId()));
      host.deleteBackup(backup.location());
      records.recordDeleted(backup.backupId());
    }
    steps.done(STEP_RETENTION);
  }

  @Override
  public Progress progress() {
    return steps.snapshot();
  }
}
