package io.berth.workflows.certificate;

import io.berth.workflows.common.ActivityStubs;
import io.berth.workflows.common.BerthSearchAttributes;
import io.berth.workflows.common.FailureReasons;
import io.berth.workflows.common.FailureType;
import io.berth.workflows.progress.Progress;
import io.berth.workflows.progress.StepState;
import io.berth.workflows.progress.StepTracker;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;

/**
 * One run is one cycle: read the target, attempt an order unless the installed certificate already
 * covers the names and is not due, wait (renewal timer or backoff), continue as new with the state.
 * The installed certificate is only ever replaced by a newly installed one or taken out when the
 * names are gone; a failed attempt leaves it serving.
 */
public class CertificateWorkflowImpl implements CertificateWorkflow {

  private static final Logger log = Workflow.getLogger(CertificateWorkflowImpl.class);

  private static final String NO_REASON = "The CA did not validate the names.";

  private final CertificateActivities control =
      Workflow.newActivityStub(CertificateActivities.class, CertificateActivityOptions.control());
  private final CertificateActivities ca =
      Workflow.newActivityStub(CertificateActivities.class, CertificateActivityOptions.caCall());
  private final CertificateActivities validation =
      Workflow.newActivityStub(
          CertificateActivities.class, CertificateActivityOptions.validation());

  private final StepTracker steps = new StepTracker(STEPS);
  private CertificateSubject subject;
  private CertificatePolicy policy;
  private CertificateSchedule schedule;
  private CertificateState state = CertificateState.initial();

  /** The host that serves the subject's names, as last read; kept to take a certificate out. */
  private String hostId;

  private boolean retryRequested;
  private boolean namesMayHaveChanged;

  @Override
  public void run(CertificateRequest request) {
    subject = request.subject();
    policy = request.policy() == null ? CertificatePolicy.defaults() : request.policy();
    schedule = new CertificateSchedule(policy);
    if (request.state() != null) {
      state = request.state();
    }
    Workflow.upsertMemo(Map.of(Progress.MEMO_KEY, steps.snapshot()));
    if (!subject.isPlatform()) {
      Workflow.upsertTypedSearchAttributes(
          BerthSearchAttributes.SITE_ID.valueSet(Long.toString(subject.siteId())));
    }

    CertificateTarget target = readTarget();
    if (target.isEmpty()) {
      remove(target);
      return;
    }
    List<String> waitingFor;
    if (covers(target) && !due()) {
      STEPS.forEach(steps::done);
      waitingFor = state.installed().names();
    } else {
      attempt(target);
      waitingFor = target.names();
    }
    CertificateTarget changed = waitForNextAttempt(waitingFor);
    if (changed != null && changed.isEmpty()) {
      remove(changed);
      return;
    }
    if (retryRequested) {
      dueNow();
    }
    Workflow.continueAsNew(new CertificateRequest(subject, policy, state));
  }

  private CertificateTarget readTarget() {
    namesMayHaveChanged = false;
    CertificateTarget target = control.target(subject);
    if (target.hostId() != null) {
      hostId = target.hostId();
    }
    return target;
  }

  /** order → validate (challenges published, then always withdrawn) → issue → install. */
  private void attempt(CertificateTarget target) {
    retryRequested = false;
    IssuedCertificate installed = state.installed();
    state =
        new CertificateState(
            installed == null ? CertificateStatus.ISSUING : CertificateStatus.RENEWING,
            installed,
            state.nextAttemptAt(),
            state.lastFailure(),
            state.recentFailures());
    if (target.hostId() == null) {
      failed(STEP_ORDER, "No host serves " + String.join(", ", target.names()) + " yet.", false);
      return;
    }
    try {
      steps.start(STEP_ORDER);
      AcmeOrder order = ca.placeOrder(subject, target);
      steps.done(STEP_ORDER);

      steps.start(STEP_VALIDATE);
      ValidationResult result = validateWithChallenges(order, target.hostId());
      if (!result.valid()) {
        String reason = result.reason() == null ? NO_REASON : result.reason();
        failed(STEP_VALIDATE, reason, result.rateLimited());
        return;
      }
      steps.done(STEP_VALIDATE);

      steps.start(STEP_ISSUE);
      IssuedCertificate issued = ca.finalizeOrder(order.orderId());
      steps.done(STEP_ISSUE);

      steps.start(STEP_INSTALL);
      host(target.hostId()).install(issued.certificateId());
      control.recordInstalled(issued.certificateId());
      steps.done(STEP_INSTALL);

      state =
          new CertificateState(
              CertificateStatus.ISSUED, issued, schedule.renewalOf(issued), null, 0);
      log.info(
          "Certificate {} installed for {}; renewal at {}",
          issued.serial(),
          subject.key(),
          state.nextAttemptAt());
    } catch (ActivityFailure e) {
      if (e.getCause() instanceof CanceledFailure) {
        throw e;
      }
      failed(steps.active(), FailureReasons.of(e), rateLimited(e));
    }
  }

  private ValidationResult validateWithChallenges(AcmeOrder order, String host) {
    List<AcmeChallenge> http = challenges(order, ChallengeType.HTTP_01);
    boolean dns = !challenges(order, ChallengeType.DNS_01).isEmpty();
    try {
      if (!http.isEmpty()) {
        host(host).publishHttpChallenges(http);
      }
      if (dns) {
        control.publishDnsChallenges(order.orderId());
      }
      return validation.validate(order.orderId());
    } finally {
      // Also when cancelled: challenge files and TXT records must not outlive the attempt.
      Workflow.newDetachedCancellationScope(() -> withdraw(order, host, http, dns)).run();
    }
  }

  private void withdraw(AcmeOrder order, String host, List<AcmeChallenge> http, boolean dns) {
    if (!http.isEmpty()) {
      try {
        host(host).withdrawHttpChallenges(http);
      } catch (ActivityFailure e) {
        log.warn("HTTP-01 files of order {} stay on {}", order.orderId(), host, e);
      }
    }
    if (dns) {
      try {
        control.withdrawDnsChallenges(order.orderId());
      } catch (ActivityFailure e) {
        log.warn("DNS-01 records of order {} stay", order.orderId(), e);
      }
    }
  }

  private static List<AcmeChallenge> challenges(AcmeOrder order, ChallengeType type) {
    return order.challenges().stream().filter(c -> c.type() == type).toList();
  }

  /** Ends the attempt; the installed certificate (if any) keeps serving until the next one. */
  private void failed(String step, String reason, boolean rateLimited) {
    if (step != null) {
      steps.fail(step, reason);
    }
    int failures = state.recentFailures() + 1;
    Instant next = now().plus(schedule.backoffAfter(failures, rateLimited));
    state =
        new CertificateState(CertificateStatus.FAILING, state.installed(), next, reason, failures);
    log.warn(
        "Certificate for {} failed at {} ({} in a row), next attempt at {}: {}",
        subject.key(),
        step,
        failures,
        next,
        reason);
  }

  private static boolean rateLimited(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure app
          && app.getType() != null
          && (app.getType().equals(FailureType.RATE_LIMITED.type())
              || app.getType().endsWith(":rateLimited"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Sleeps until {@code state.nextAttemptAt}, durably. {@link #retryNow} ends the sleep at once; a
   * {@link #namesChanged} ends it only when the names (or their host) really differ from {@code
   * names}, so a nudge with the same names never shortens a backoff. Returns the target read on a
   * change (empty when the names went away), or null when the time came or a retry was asked for.
   */
  private CertificateTarget waitForNextAttempt(List<String> names) {
    while (true) {
      Duration left = Duration.between(now(), state.nextAttemptAt());
      if (left.isZero() || left.isNegative()) {
        return null;
      }
      Workflow.await(left, () -> retryRequested || namesMayHaveChanged);
      if (retryRequested) {
        dueNow();
        return null;
      }
      if (!namesMayHaveChanged) {
        return null;
      }
      String previousHost = hostId;
      CertificateTarget target = readTarget();
      boolean moved = previousHost != null && !previousHost.equals(hostId);
      if (target.isEmpty() || moved || !sameNames(target.names(), names)) {
        dueNow();
        return target;
      }
    }
  }

  /** Takes an installed certificate out of nginx and ends: nothing is left to certify. */
  private void remove(CertificateTarget target) {
    String host = target.hostId() != null ? target.hostId() : hostId;
    if (state.installed() != null) {
      if (host == null) {
        log.warn("No host known for {}: its certificate cannot be taken out", subject.key());
      } else {
        host(host).uninstall(subject);
      }
    }
    steps.snapshot().steps().stream()
        .filter(s -> s.state() == StepState.PENDING)
        .forEach(s -> steps.skip(s.name()));
    state = new CertificateState(CertificateStatus.REMOVED, null, null, null, 0);
    log.info("Certificate for {} removed: no names left", subject.key());
  }

  private boolean covers(CertificateTarget target) {
    return state.installed() != null && sameNames(state.installed().names(), target.names());
  }

  private boolean due() {
    return state.nextAttemptAt() == null || !now().isBefore(state.nextAttemptAt());
  }

  private void dueNow() {
    state =
        new CertificateState(
            state.status(), state.installed(), now(), state.lastFailure(), state.recentFailures());
  }

  private static boolean sameNames(List<String> a, List<String> b) {
    return normalized(a).equals(normalized(b));
  }

  private static Set<String> normalized(List<String> names) {
    return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }

  private static CertificateHostActivities host(String hostId) {
    return Workflow.newActivityStub(CertificateHostActivities.class, ActivityStubs.host(hostId));
  }

  @Override
  public void retryNow() {
    retryRequested = true;
  }

  @Override
  public void namesChanged() {
    namesMayHaveChanged = true;
  }

  @Override
  public Progress progress() {
    return steps.snapshot();
  }

  @Override
  public CertificateState state() {
    return state;
  }
}
