package io.berth.workflows.domain;

import io.berth.workflows.certificate.CertificateSchedulingActivities;
import io.berth.workflows.common.ActivityStubs;
import io.berth.workflows.common.BerthSearchAttributes;
import io.berth.workflows.common.Durations;
import io.berth.workflows.common.FailureReasons;
import io.berth.workflows.progress.Progress;
import io.berth.workflows.progress.StepTracker;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowLock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;

public class DomainWorkflowImpl implements DomainWorkflow {

  private static final Logger log = Workflow.getLogger(DomainWorkflowImpl.class);

  /** Marks histories made since domain changes tell the sites' certificate workflows. */
  private static final String CERTIFICATES = "certificates";

  private final DomainActivities domains =
      Workflow.newActivityStub(DomainActivities.class, ActivityStubs.control());
  private final CertificateSchedulingActivities certificates =
      Workflow.newActivityStub(CertificateSchedulingActivities.class, ActivityStubs.control());

  /** One change at a time: record edits, attach/detach and removal never interleave. */
  private final WorkflowLock changes = Workflow.newWorkflowLock();

  private DomainRequest request;
  private StepTracker steps = new StepTracker(STEPS);
  private boolean setUp;
  private SiteEndpoint attached;
  private boolean dnsSeen;
  private long waitStartedAt;
  private int checks;
  private DnsCheck lastCheck;
  private boolean checkRequested;
  private boolean removeRequested;

  @Override
  public void run(DomainRequest input) {
    request = input;
    attached = input.attached();
    dnsSeen = input.dnsSeen();
    waitStartedAt = input.waitStartedAt();
    checks = input.checks();
    if (input.setUp()) {
      steps = new StepTracker(input.progress());
      Workflow.upsertMemo(Map.of(Progress.MEMO_KEY, steps.snapshot()));
      setUp = true;
    } else {
      Workflow.upsertTypedSearchAttributes(BerthSearchAttributes.DOMAIN.valueSet(input.name()));
      setUp();
      setUp = true;
      beginWait();
    }
    while (!removeRequested) {
      if (Workflow.getInfo().isContinueAsNewSuggested() && Workflow.isEveryHandlerFinished()) {
        Workflow.continueAsNew(
            request.continued(attached, dnsSeen, waitStartedAt, checks, steps.snapshot()));
      }
      if (checkRequested) {
        checkRequested = false;
        if (!waiting()) {
          beginWait();
        }
      }
      if (waiting()) {
        lookAtDns();
      } else {
        Workflow.await(() -> checkRequested || removeRequested || continueAsNewDue());
      }
    }
    tearDown();
  }

  /** Zone and default records (hosted), then the site's route when one was chosen. */
  private void setUp() {
    long id = request.domainId();
    try {
      if (request.mode() == DomainMode.HOSTED) {
        steps.start(STEP_ZONE);
        domains.createZone(id);
        steps.done(STEP_ZONE);
        steps.start(STEP_RECORDS);
        domains.ensureDefaultRecords(id);
        steps.done(STEP_RECORDS);
      } else {
        steps.skip(STEP_ZONE);
        steps.skip(STEP_RECORDS);
      }
    } catch (ActivityFailure e) {
      String reason = FailureReasons.of(e);
      steps.fail(steps.active(), reason);
      steps.cancelUnfinished();
      // Nothing half-applied: a zone that was created goes again.
      domains.deleteZone(id);
      domains.recordDomain(id, DomainStatus.FAILED, null, reason);
      throw ApplicationFailure.newNonRetryableFailureWithCause(reason, "DOMAIN_FAILED", e);
    }
    if (request.siteId() == null) {
      steps.skip(STEP_SITE);
    } else {
      steps.start(STEP_SITE);
      try {
        routeTo(domains.siteEndpoint(id, request.siteId()));
        steps.done(STEP_SITE);
      } catch (ActivityFailure e) {
        // The domain is still useful without its site; the customer can attach one later.
        steps.fail(STEP_SITE, FailureReasons.of(e));
      }
    }
  }

  private boolean waiting() {
    return waitStartedAt > 0;
  }

  private void beginWait() {
    waitStartedAt = Workflow.currentTimeMillis();
    checks = 0;
    steps.start(STEP_DNS);
    domains.recordDomain(request.domainId(), DomainStatus.WAITING_FOR_DNS, attachedSiteId(), null);
  }

  /** One look at DNS, then either done, given up, or a durable pause until the next look. */
  private void lookAtDns() {
    checks++;
    lastCheck = domains.checkDns(request.domainId());
    DnsWaitPolicy policy = request.policy();
    if (lastCheck.seen()) {
      dnsSeen = true;
      waitStartedAt = 0;
      steps.done(STEP_DNS);
      domains.recordDomain(request.domainId(), DomainStatus.ACTIVE, attachedSiteId(), null);
      certificateNamesChanged(attachedSiteId());
      return;
    }
    dnsSeen = false;
    long waited = Workflow.currentTimeMillis() - waitStartedAt;
    Duration left = policy.giveUpAfter().minusMillis(waited);
    if (left.isZero() || left.isNegative()) {
      waitStartedAt = 0;
      String reason = givenUp(policy);
      steps.fail(STEP_DNS, reason);
      domains.recordDomain(request.domainId(), DomainStatus.DNS_NOT_SEEN, attachedSiteId(), reason);
      return;
    }
    Duration pause = policy.intervalAfter(checks);
    if (pause.compareTo(left) > 0) {
      pause = left;
    }
    steps.waiting(
        STEP_DNS, checks, seenSoFar() + " — checking again in " + Durations.readable(pause));
    Workflow.await(pause, () -> checkRequested || removeRequested || continueAsNewDue());
  }

  private String seenSoFar() {
    return request.mode() == DomainMode.HOSTED
        ? "Name servers of "
            + request.name()
            + ": "
            + lastCheck.found()
            + "; expected "
            + lastCheck.expected()
        : request.name()
            + " resolves to "
            + lastCheck.found()
            + ", expected "
            + lastCheck.expected();
  }

  private String givenUp(DnsWaitPolicy policy) {
    String fix =
        request.mode() == DomainMode.HOSTED
            ? "Set the name servers at your registrar"
            : "Create the records at your DNS provider";
    return "DNS for "
        + request.name()
        + " still does not point here after "
        + Durations.readable(policy.giveUpAfter())
        + " ("
        + seenSoFar()
        + "). "
        + fix
        + ", then press \"Check now\".";
  }

  private boolean continueAsNewDue() {
    return Workflow.getInfo().isContinueAsNewSuggested() && Workflow.isEveryHandlerFinished();
  }

  private DomainStatus status() {
    if (!setUp) {
      return DomainStatus.SETTING_UP;
    }
    if (dnsSeen) {
      return DomainStatus.ACTIVE;
    }
    return waiting() ? DomainStatus.WAITING_FOR_DNS : DomainStatus.DNS_NOT_SEEN;
  }

  private Long attachedSiteId() {
    return attached == null ? null : attached.siteId();
  }

  private List<String> hostnames() {
    return List.of(request.name(), "www." + request.name());
  }

  /**
   * Writes the domain's route on the site's host (moving it off the previous host if needed),
   * stores the attachment, then points the platform's records at that host.
   */
  private void routeTo(SiteEndpoint endpoint) {
    Long previousSite = attachedSiteId();
    if (attached != null && !attached.hostId().equals(endpoint.hostId())) {
      routes(attached.hostId()).removeDomainRoute(request.domainId());
    }
    routes(endpoint.hostId())
        .ensureDomainRoute(
            new DomainRoute(
                request.domainId(), endpoint.siteId(), hostnames(), endpoint.hostPort()));
    attached = endpoint;
    Workflow.upsertTypedSearchAttributes(
        BerthSearchAttributes.SITE_ID.valueSet(Long.toString(endpoint.siteId())));
    domains.recordDomain(request.domainId(), status(), endpoint.siteId(), null);
    if (request.mode() == DomainMode.HOSTED) {
      // The platform's records follow the site to its host; the customer's own are kept.
      domains.ensureDefaultRecords(request.domainId());
    }
    certificateNamesChanged(previousSite, endpoint.siteId());
  }

  /**
   * Tells the certificate workflows of these sites that their names may have changed, after the
   * change is stored (they read the names from the platform DB). A site whose certificate workflow
   * cannot be reached keeps its current certificate until its next renewal reads the names again.
   */
  private void certificateNamesChanged(Long... siteIds) {
    if (Workflow.getVersion(CERTIFICATES, Workflow.DEFAULT_VERSION, 1)
        == Workflow.DEFAULT_VERSION) {
      return;
    }
    Stream.of(siteIds)
        .filter(Objects::nonNull)
        .distinct()
        .forEach(
            siteId -> {
              try {
                certificates.siteNamesChanged(siteId);
              } catch (ActivityFailure e) {
                log.warn("The certificate of site {} was not told about the change", siteId, e);
              }
            });
  }

  private static DomainRouteActivities routes(String hostId) {
    return Workflow.newActivityStub(DomainRouteActivities.class, ActivityStubs.host(hostId));
  }

  private void tearDown() {
    changes.lock();
    long id = request.domainId();
    domains.recordDomain(id, DomainStatus.REMOVING, attachedSiteId(), null);
    Long site = attachedSiteId();
    if (attached != null) {
      routes(attached.hostId()).removeDomainRoute(id);
      attached = null;
    }
    if (request.mode() == DomainMode.HOSTED) {
      domains.deleteZone(id);
    }
    if (waiting()) {
      steps.cancelUnfinished();
    }
    domains.recordDomain(id, DomainStatus.REMOVED, null, null);
    certificateNamesChanged(site);
  }

  @Override
  public DnsRecordSet changeRecordSet(RecordSetChange change) {
    changes.lock();
    try {
      return domains.applyRecordSet(request.domainId(), change);
    } catch (ActivityFailure e) {
      throw userFacing(e);
    } finally {
      changes.unlock();
    }
  }

  @Override
  public void validateChangeRecordSet(RecordSetChange change) {
    acceptingChanges();
    if (request.mode() != DomainMode.HOSTED) {
      throw new IllegalStateException(
          request.name() + " uses external DNS: change its records at your DNS provider.");
    }
    if (change == null || change.type() == null || change.type().isBlank()) {
      throw new IllegalArgumentException("Choose a record type.");
    }
  }

  @Override
  public SiteEndpoint attachSite(long siteId) {
    changes.lock();
    try {
      routeTo(domains.siteEndpoint(request.domainId(), siteId));
      return attached;
    } catch (ActivityFailure e) {
      throw userFacing(e);
    } finally {
      changes.unlock();
    }
  }

  @Override
  public void validateAttachSite(long siteId) {
    acceptingChanges();
    if (siteId <= 0) {
      throw new IllegalArgumentException("Choose a site.");
    }
  }

  @Override
  public void detachSite() {
    changes.lock();
    try {
      Long site = attachedSiteId();
      if (attached != null) {
        routes(attached.hostId()).removeDomainRoute(request.domainId());
        attached = null;
      }
      domains.recordDomain(request.domainId(), status(), null, null);
      certificateNamesChanged(site);
    } finally {
      changes.unlock();
    }
  }

  @Override
  public void validateDetachSite() {
    acceptingChanges();
    if (attached == null) {
      throw new IllegalStateException(request.name() + " is not attached to a site.");
    }
  }

  private void acceptingChanges() {
    if (removeRequested) {
      throw new IllegalStateException(request.name() + " is being removed.");
    }
    if (!setUp) {
      throw new IllegalStateException(
          request.name() + " is still being set up; try again in a moment.");
    }
  }

  /** The activity's own message and failure type, without Temporal's wrapping. */
  private static ApplicationFailure userFacing(ActivityFailure e) {
    String type =
        e.getCause() instanceof ApplicationFailure app ? app.getType() : "DOMAIN_CHANGE_FAILED";
    return ApplicationFailure.newNonRetryableFailureWithCause(FailureReasons.of(e), type, e);
  }

  @Override
  public void checkDnsNow() {
    checkRequested = true;
  }

  @Override
  public void remove() {
    removeRequested = true;
  }

  @Override
  public Progress progress() {
    return steps.snapshot();
  }

  @Override
  public DnsCheck lastCheck() {
    return lastCheck;
  }
}
