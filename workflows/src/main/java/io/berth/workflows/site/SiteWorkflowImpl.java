package io.berth.workflows.site;

import io.berth.workflows.common.ActivityStubs;
import io.berth.workflows.common.FailureReasons;
import io.berth.workflows.common.PlanLimits;
import io.berth.workflows.database.DatabaseActivities;
import io.berth.workflows.order.OrderWorkflow;
import io.berth.workflows.progress.Progress;
import io.berth.workflows.progress.StepTracker;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Saga;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowLock;
import java.util.Map;
import org.slf4j.Logger;

public class SiteWorkflowImpl implements SiteWorkflow {

  private static final Logger log = Workflow.getLogger(SiteWorkflowImpl.class);

  private final SiteRecordActivities records =
      Workflow.newActivityStub(SiteRecordActivities.class, ActivityStubs.control());
  private final WorkflowLock actions = Workflow.newWorkflowLock();

  /** Marks histories made since sites have database and install steps. */
  private static final String APP_STEPS = "app-steps";

  private SiteHostActivities hostActivities;
  private SiteRequest request;
  private long siteId;
  private StepTracker steps = new StepTracker(STEPS);
  private SiteStatus status = SiteStatus.PROVISIONING;
  private boolean provisioned;
  private boolean environmentChanged;
  private boolean terminated;

  /** What a suspension interrupted, restored on resume (kept: no new run while suspended). */
  private SiteStatus beforeSuspension = SiteStatus.RUNNING;

  @Override
  public void run(SiteRequest request) {
    this.request = request;
    siteId = request.siteId();
    hostActivities =
        Workflow.newActivityStub(SiteHostActivities.class, ActivityStubs.host(request.hostId()));
    if (request.provisioned()) {
      steps = new StepTracker(request.progress());
      Workflow.upsertMemo(Map.of(Progress.MEMO_KEY, steps.snapshot()));
      status = request.status();
      provisioned = true;
    } else {
      boolean withAppSteps =
          Workflow.getVersion(APP_STEPS, Workflow.DEFAULT_VERSION, 1) != Workflow.DEFAULT_VERSION;
      if (withAppSteps) {
        provision(request, hostActivities, records.planSite(siteId));
      } else {
        steps = new StepTracker(STEPS_V0);
        provision(request, hostActivities, null);
      }
      tellOrder();
    }
    while (true) {
      Workflow.await(
          () ->
              environmentChanged
                  || terminated && Workflow.isEveryHandlerFinished()
                  || mayContinueAsNew() && Workflow.isEveryHandlerFinished());
      if (terminated) {
        return;
      }
      if (!environmentChanged) {
        break;
      }
      environmentChanged = false;
      recreateContainer();
    }
    Workflow.continueAsNew(this.request.continued(status, steps.snapshot()));
  }

  /**
   * Temporal suggests a new run and the site is not suspended: what a suspension interrupted (a
   * site the customer had stopped) lives only in this run, and a suspended site's history hardly
   * grows until it is resumed or terminated.
   */
  private boolean mayContinueAsNew() {
    return Workflow.getInfo().isContinueAsNewSuggested() && status != SiteStatus.SUSPENDED;
  }

  /** New credentials for the container: re-created with them, stopped again if it was stopped. */
  private void recreateContainer() {
    actions.lock();
    try {
      if (terminated) {
        return;
      }
      hostActivities.ensureContainer(request.container());
      if (status == SiteStatus.STOPPED || status == SiteStatus.SUSPENDED) {
        hostActivities.changeContainerState(siteId, SiteAction.STOP);
      }
    } finally {
      actions.unlock();
    }
  }

  /**
   * @param plan what the app needs beyond a container; null for histories from before apps had
   *     database and install steps
   */
  private void provision(SiteRequest request, SiteHostActivities host, SitePlan plan) {
    SiteHostActivities health =
        Workflow.newActivityStub(SiteHostActivities.class, ActivityStubs.health(request.hostId()));
    Saga undo = new Saga(new Saga.Options.Builder().build());
    try {
      steps.start(STEP_NETWORK);
      undo.addCompensation(host::removeNetwork, request.customerId());
      host.ensureNetwork(request.customerId());
      steps.done(STEP_NETWORK);

      if (plan != null) {
        if (plan.databaseId() == null) {
          steps.skip(STEP_DATABASE);
        } else {
          steps.start(STEP_DATABASE);
          DatabaseActivities databases =
              Workflow.newActivityStub(
                  DatabaseActivities.class, ActivityStubs.host(request.hostId()));
          if (plan.ownsDatabase()) {
            undo.addCompensation(databases::dropDatabase, plan.databaseId());
          }
          databases.ensureDatabase(plan.databaseId());
          steps.done(STEP_DATABASE);
        }
      }

      steps.start(STEP_CONTAINER);
      // Undone in reverse: the container goes first, then the files it was given.
      undo.addCompensation(host::removeSiteFiles, request.siteId());
      undo.addCompensation(host::removeContainer, request.siteId());
      host.ensureContainer(request.container());
      steps.done(STEP_CONTAINER);

      if (plan != null) {
        if (plan.install()) {
          steps.start(STEP_INSTALL);
          host.installApp(request.siteId());
          steps.done(STEP_INSTALL);
        } else {
          steps.skip(STEP_INSTALL);
        }
      }

      steps.start(STEP_ROUTE);
      undo.addCompensation(host::removeRoute, request.siteId());
      host.ensureRoute(request.route());
      steps.done(STEP_ROUTE);

      steps.start(STEP_HEALTH);
      health.checkHealth(request.route());
      steps.done(STEP_HEALTH);

      status = SiteStatus.RUNNING;
      records.recordSiteStatus(request.siteId(), SiteStatus.RUNNING, null);
      provisioned = true;
    } catch (ActivityFailure | CanceledFailure e) {
      if (CancellationScope.current().isCancelRequested()) {
        steps.cancelUnfinished();
        status = SiteStatus.CANCELLED;
        undo(undo, request.siteId(), SiteStatus.CANCELLED, "Order cancelled before going live");
        throw e;
      }
      String reason = FailureReasons.of(e);
      steps.fail(steps.active(), reason);
      steps.cancelUnfinished();
      status = SiteStatus.FAILED;
      undo(undo, request.siteId(), SiteStatus.FAILED, reason);
      throw ApplicationFailure.newNonRetryableFailureWithCause(reason, "SITE_FAILED", e);
    }
  }

  /** Runs the compensations even though the workflow itself may be cancelled. */
  private void undo(Saga undo, long siteId, SiteStatus finalStatus, String reason) {
    Workflow.newDetachedCancellationScope(
            () -> {
              undo.compensate();
              records.recordSiteStatus(siteId, finalStatus, reason);
            })
        .run();
  }

  /** Lets the parent order finish; the site keeps running as its own entity. */
  private void tellOrder() {
    Workflow.getInfo()
        .getParentWorkflowId()
        .ifPresent(
            orderWorkflowId -> {
              try {
                Workflow.newExternalWorkflowStub(OrderWorkflow.class, orderWorkflowId)
                    .siteProvisioned();
              } catch (RuntimeException e) {
                log.warn("Order {} did not take the provisioned signal", orderWorkflowId, e);
              }
            });
  }

  @Override
  public SiteStatus perform(SiteAction action) {
    actions.lock();
    try {
      String refusal = refusal();
      if (refusal != null) {
        // Suspended or deleted while this action waited for the one before it.
        throw ApplicationFailure.newNonRetryableFailure(refusal, "SITE_UNAVAILABLE");
      }
      hostActivities.changeContainerState(siteId, action);
      status = action == SiteAction.STOP ? SiteStatus.STOPPED : SiteStatus.RUNNING;
      records.recordSiteStatus(siteId, status, null);
      return status;
    } finally {
      actions.unlock();
    }
  }

  @Override
  public void validatePerform(SiteAction action) {
    if (action == null) {
      throw new IllegalArgumentException("Choose start, stop or restart.");
    }
    if (!provisioned) {
      throw new IllegalStateException(
          "The site is still being set up; actions are available once it is live.");
    }
    String refusal = refusal();
    if (refusal != null) {
      throw new IllegalStateException(refusal);
    }
  }

  /** Why billing keeps the customer's actions off the site now; null when they may act. */
  private String refusal() {
    if (terminated) {
      return "The site was deleted with its subscription.";
    }
    if (status == SiteStatus.SUSPENDED) {
      return "The site is suspended because its plan is unpaid; it starts again once the open"
          + " invoice is paid (see Billing).";
    }
    return null;
  }

  @Override
  public void suspend() {
    Workflow.await(() -> provisioned || terminated);
    actions.lock();
    try {
      if (terminated || status == SiteStatus.SUSPENDED) {
        return;
      }
      beforeSuspension = status;
      hostActivities.ensureRoute(request.route().asSuspended(true));
      hostActivities.changeContainerState(siteId, SiteAction.STOP);
      status = SiteStatus.SUSPENDED;
      records.recordSiteStatus(siteId, status, null);
    } finally {
      actions.unlock();
    }
  }

  @Override
  public void resume() {
    actions.lock();
    try {
      if (terminated || status != SiteStatus.SUSPENDED) {
        return;
      }
      if (beforeSuspension != SiteStatus.STOPPED) {
        hostActivities.changeContainerState(siteId, SiteAction.START);
      }
      hostActivities.ensureRoute(request.route());
      status = beforeSuspension;
      records.recordSiteStatus(siteId, status, null);
    } finally {
      actions.unlock();
    }
  }

  @Override
  public void changeLimits(PlanLimits limits) {
    Workflow.await(() -> provisioned || terminated);
    actions.lock();
    try {
      if (terminated || limits == null || limits.equals(request.limits())) {
        return;
      }
      request = request.withLimits(limits);
      hostActivities.updateLimits(request.container());
    } finally {
      actions.unlock();
    }
  }

  @Override
  public void terminate() {
    Workflow.await(() -> provisioned);
    actions.lock();
    try {
      if (terminated) {
        return;
      }
      hostActivities.removeRoute(siteId);
      hostActivities.removeContainer(siteId);
      hostActivities.removeSiteFiles(siteId);
      status = SiteStatus.DELETED;
      records.recordSiteStatus(siteId, status, "Removed with its terminated subscription");
      terminated = true;
    } finally {
      actions.unlock();
    }
  }

  @Override
  public void environmentChanged() {
    environmentChanged = true;
  }

  @Override
  public Progress progress() {
    return steps.snapshot();
  }

  @Override
  public SiteStatus status() {
    return status;
  }
}
