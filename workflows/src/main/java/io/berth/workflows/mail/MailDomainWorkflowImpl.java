package io.berth.workflows.mail;

import io.berth.workflows.common.ActivityStubs;
import io.berth.workflows.common.FailureReasons;
import io.berth.workflows.progress.Progress;
import io.berth.workflows.progress.StepTracker;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Saga;
import io.temporal.workflow.Workflow;
import java.util.List;
import org.slf4j.Logger;

/**
 * Set-up (DKIM key → mail DNS records → mail servers → ACTIVE), each step undone in reverse when a
 * later one fails for good, then the mail domain's entity until {@link #turnOff()}. A continued run
 * ({@code ready}) re-publishes the DNS records (idempotent) to answer {@link #dnsRecords()} again,
 * and repeats nothing else.
 */
public class MailDomainWorkflowImpl implements MailDomainWorkflow {

  private static final Logger log = Workflow.getLogger(MailDomainWorkflowImpl.class);

  private static final String FAILURE_TYPE = "MAIL_DOMAIN_FAILED";

  private final MailDomainActivities domains =
      Workflow.newActivityStub(MailDomainActivities.class, ActivityStubs.control());
  private final MailServerActivities servers =
      Workflow.newActivityStub(MailServerActivities.class, ActivityStubs.mail());

  private final StepTracker steps = new StepTracker(STEPS);
  private long mailDomainId;
  private List<MailDnsRecord> dnsRecords = List.of();
  private boolean turnOffRequested;

  @Override
  public void run(MailDomainRequest request) {
    mailDomainId = request.mailDomainId();
    if (request.ready()) {
      STEPS.forEach(steps::done);
      republishDnsRecords();
    } else {
      setUp();
    }
    while (!mayTurnOff()) {
      Workflow.await(() -> turnOffRequested || continueAsNewDue());
      if (!turnOffRequested) {
        Workflow.continueAsNew(new MailDomainRequest(mailDomainId, request.customerId(), true));
      }
    }
    tearDown();
  }

  private void setUp() {
    Saga undo = new Saga(new Saga.Options.Builder().setContinueWithError(true).build());
    try {
      steps.start(STEP_DKIM);
      domains.ensureDkimKey(mailDomainId);
      steps.done(STEP_DKIM);

      steps.start(STEP_DNS);
      undo.addCompensation(domains::withdrawDnsRecords, mailDomainId);
      dnsRecords = List.copyOf(domains.publishDnsRecords(mailDomainId));
      steps.done(STEP_DNS);

      steps.start(STEP_SERVERS);
      undo.addCompensation(servers::disableDomain, mailDomainId);
      servers.enableDomain(mailDomainId);
      steps.done(STEP_SERVERS);

      domains.recordMailDomain(mailDomainId, MailDomainStatus.ACTIVE, null);
    } catch (ActivityFailure e) {
      String reason = FailureReasons.of(e);
      String failedStep = steps.active();
      if (failedStep != null) {
        steps.fail(failedStep, reason);
      }
      steps.cancelUnfinished();
      // Nothing half-applied: records and signer entries that were written go again.
      Workflow.newDetachedCancellationScope(
              () -> {
                compensate(undo);
                dnsRecords = List.of();
                domains.recordMailDomain(mailDomainId, MailDomainStatus.FAILED, reason);
              })
          .run();
      throw ApplicationFailure.newNonRetryableFailureWithCause(reason, FAILURE_TYPE, e);
    }
  }

  private void compensate(Saga undo) {
    try {
      undo.compensate();
    } catch (Saga.CompensationException e) {
      log.warn("Mail domain {} could not be fully undone", mailDomainId, e);
    }
  }

  /** The records as published; a domain that is already live stays live if this fails. */
  private void republishDnsRecords() {
    try {
      dnsRecords = List.copyOf(domains.publishDnsRecords(mailDomainId));
    } catch (ActivityFailure e) {
      log.warn("Mail DNS records of mail domain {} were not re-published", mailDomainId, e);
    }
  }

  /**
   * Consumes a pending turn-off request: true when the domain has no live mailboxes left. The panel
   * refuses to turn email off while mailboxes exist; this guards against a mailbox created in the
   * meantime, whose mail must keep arriving.
   */
  private boolean mayTurnOff() {
    if (!turnOffRequested) {
      return false;
    }
    turnOffRequested = false;
    try {
      List<Long> mailboxes = domains.liveMailboxes(mailDomainId);
      if (mailboxes.isEmpty()) {
        return true;
      }
      log.warn(
          "Email on mail domain {} stays on: it still has live mailboxes {}",
          mailDomainId,
          mailboxes);
    } catch (ActivityFailure e) {
      log.warn("Email on mail domain {} stays on: its mailboxes were not read", mailDomainId, e);
    }
    return false;
  }

  private void tearDown() {
    try {
      domains.recordMailDomain(mailDomainId, MailDomainStatus.REMOVING, null);
      servers.disableDomain(mailDomainId);
      domains.withdrawDnsRecords(mailDomainId);
      dnsRecords = List.of();
      domains.recordMailDomain(mailDomainId, MailDomainStatus.REMOVED, null);
    } catch (ActivityFailure e) {
      String reason = FailureReasons.of(e);
      domains.recordMailDomain(mailDomainId, MailDomainStatus.FAILED, reason);
      throw ApplicationFailure.newNonRetryableFailureWithCause(reason, FAILURE_TYPE, e);
    }
  }

  private static boolean continueAsNewDue() {
    return Workflow.getInfo().isContinueAsNewSuggested() && Workflow.isEveryHandlerFinished();
  }

  @Override
  public void turnOff() {
    turnOffRequested = true;
  }

  @Override
  public Progress progress() {
    return steps.snapshot();
  }

  @Override
  public List<MailDnsRecord> dnsRecords() {
    return dnsRecords;
  }
}
