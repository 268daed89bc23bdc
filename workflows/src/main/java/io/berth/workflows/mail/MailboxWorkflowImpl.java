package io.berth.workflows.mail;

import io.berth.workflows.common.ActivityStubs;
import io.berth.workflows.common.Durations;
import io.berth.workflows.common.FailureReasons;
import io.berth.workflows.common.FailureType;
import io.berth.workflows.progress.Progress;
import io.berth.workflows.progress.StepTracker;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.slf4j.Logger;

/**
 * Makes the mailbox ACTIVE, waits for {@link #delete()} (continuing as new when Temporal suggests
 * it), then marks it DELETED with the time its mail is kept until, sleeps durably until then,
 * purges the stored mail on {@code berth-mail} and records it PURGED. A delete that arrives while
 * the mailbox is being made is honoured right after.
 */
public class MailboxWorkflowImpl implements MailboxWorkflow {

  private static final Logger log = Workflow.getLogger(MailboxWorkflowImpl.class);

  private static final String FAILURE_TYPE = "MAILBOX_FAILED";

  private static final DateTimeFormatter UNTIL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final MailboxRecordActivities records =
      Workflow.newActivityStub(MailboxRecordActivities.class, ActivityStubs.control());
  private final MailServerActivities servers =
      Workflow.newActivityStub(MailServerActivities.class, ActivityStubs.mail());

  private final StepTracker steps = new StepTracker(STEPS);
  private long mailboxId;
  private boolean deleteRequested;

  @Override
  public void run(MailboxRequest request) {
    mailboxId = request.mailboxId();
    Duration retention = request.retention();
    if (request.ready()) {
      steps.done(STEP_MAILBOX);
    } else {
      steps.start(STEP_MAILBOX);
      if (retention == null || retention.isNegative()) {
        failForGood(
            STEP_MAILBOX,
            ApplicationFailure.newNonRetryableFailure(
                "No retention period for deleted mail is configured.",
                FailureType.INVALID_INPUT.type()));
      }
      try {
        records.recordMailbox(mailboxId, MailboxStatus.ACTIVE, null);
      } catch (ActivityFailure e) {
        failForGood(STEP_MAILBOX, e);
      }
      steps.done(STEP_MAILBOX);
    }
    Workflow.await(() -> deleteRequested || continueAsNewDue());
    if (!deleteRequested) {
      Workflow.continueAsNew(new MailboxRequest(mailboxId, request.customerId(), retention, true));
    }
    keepMailThenPurge(retention);
  }

  /** The mailbox stops at once; its mail stays until the retention is over, then goes. */
  private void keepMailThenPurge(Duration retention) {
    steps.start(STEP_RETENTION);
    Instant purgeAfter = now().plus(retention);
    try {
      records.markDeleted(mailboxId, purgeAfter);
    } catch (ActivityFailure e) {
      failForGood(STEP_RETENTION, e);
    }
    steps.waiting(
        STEP_RETENTION,
        1,
        "Mail is kept for "
            + Durations.readable(retention)
            + ", until "
            + UNTIL.format(purgeAfter)
            + ", then removed.");
    log.info("Mailbox {} deleted; its mail is kept until {}", mailboxId, purgeAfter);
    Duration left = Duration.between(now(), purgeAfter);
    if (!left.isNegative() && !left.isZero()) {
      Workflow.sleep(left);
    }
    steps.done(STEP_RETENTION);

    steps.start(STEP_PURGE);
    try {
      servers.purgeMailbox(mailboxId);
      records.recordMailbox(mailboxId, MailboxStatus.PURGED, null);
    } catch (ActivityFailure e) {
      failForGood(STEP_PURGE, e);
    }
    steps.done(STEP_PURGE);
  }

  /** Ends the step and the workflow with the reason, recorded on the mailbox as FAILED. */
  private void failForGood(String step, Exception failure) {
    String reason = FailureReasons.of(failure);
    steps.fail(step, reason);
    steps.cancelUnfinished();
    records.recordMailbox(mailboxId, MailboxStatus.FAILED, reason);
    throw ApplicationFailure.newNonRetryableFailureWithCause(reason, FAILURE_TYPE, failure);
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }

  private static boolean continueAsNewDue() {
    return Workflow.getInfo().isContinueAsNewSuggested() && Workflow.isEveryHandlerFinished();
  }

  @Override
  public void delete() {
    deleteRequested = true;
  }

  @Override
  public Progress progress() {
    return steps.snapshot();
  }
}
