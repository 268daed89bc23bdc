package io.berth.workflows.order;

import io.berth.workflows.common.ActivityStubs;
import io.berth.workflows.common.BerthSearchAttributes;
import io.berth.workflows.common.FailureReasons;
import io.berth.workflows.common.TaskQueues;
import io.berth.workflows.host.Placement;
import io.berth.workflows.host.PlacementActivities;
import io.berth.workflows.progress.Progress;
import io.berth.workflows.progress.StepTracker;
import io.berth.workflows.site.SiteRequest;
import io.berth.workflows.site.SiteStatus;
import io.berth.workflows.site.SiteWorkflow;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.common.SearchAttributes;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.ChildWorkflowCancellationType;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;

public class OrderWorkflowImpl implements OrderWorkflow {

  private final OrderActivities orders =
      Workflow.newActivityStub(OrderActivities.class, ActivityStubs.control());
  private final PlacementActivities placement =
      Workflow.newActivityStub(PlacementActivities.class, ActivityStubs.control());
  private final StepTracker steps = new StepTracker(STEPS);

  private boolean paid;
  private boolean siteProvisioned;

  @Override
  public void run(OrderRequest request) {
    Promise<Void> site = null;
    try {
      takePayment(request);
      steps.start(STEP_PLACEMENT);
      Placement place = placement.placeSite(request.siteId());
      steps.done(STEP_PLACEMENT);

      site = startSite(request, place);
      Promise<Void> siteResult = site;
      Workflow.await(() -> siteProvisioned || siteResult.isCompleted());
      if (!siteProvisioned) {
        siteResult.get();
      }
      steps.done(STEP_DONE);
      orders.recordOrderStatus(request.orderId(), OrderStatus.ACTIVE, null);
    } catch (CanceledFailure | ActivityFailure | ChildWorkflowFailure e) {
      if (!CancellationScope.current().isCancelRequested()) {
        throw fail(request, e);
      }
      Promise<Void> siteResult = site;
      Workflow.newDetachedCancellationScope(
              () -> {
                awaitQuietly(siteResult);
                steps.cancelUnfinished();
                orders.recordOrderStatus(
                    request.orderId(),
                    OrderStatus.CANCELLED,
                    "Cancelled before the site went live");
              })
          .run();
      throw e;
    }
  }

  private ApplicationFailure fail(OrderRequest request, RuntimeException e) {
    String reason = FailureReasons.of(e);
    steps.fail(steps.active() != null ? steps.active() : STEP_DONE, reason);
    steps.cancelUnfinished();
    orders.recordOrderStatus(request.orderId(), OrderStatus.FAILED, reason);
    return ApplicationFailure.newNonRetryableFailureWithCause(reason, "ORDER_FAILED", e);
  }

  private void takePayment(OrderRequest request) {
    steps.start(STEP_PAYMENT);
    if (!request.paymentRequired()) {
      steps.skip(STEP_PAYMENT);
      return;
    }
    Workflow.await(() -> paid);
    steps.done(STEP_PAYMENT);
    orders.recordOrderStatus(request.orderId(), OrderStatus.PROVISIONING, null);
  }

  private Promise<Void> startSite(OrderRequest request, Placement place) {
    SiteWorkflow site =
        Workflow.newChildWorkflowStub(
            SiteWorkflow.class,
            ChildWorkflowOptions.newBuilder()
                .setWorkflowId(SiteWorkflow.workflowId(request.siteId()))
                .setTaskQueue(TaskQueues.CONTROL)
                // The site outlives its order; cancelling the order while it provisions still
                // cancels the site (and waits for its clean-up) through the cancellation scope.
                .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
                .setCancellationType(ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED)
                .setTypedSearchAttributes(
                    SearchAttributes.newBuilder()
                        .set(BerthSearchAttributes.CUSTOMER_ID, Long.toString(request.customerId()))
                        .set(BerthSearchAttributes.ORDER_ID, Long.toString(request.orderId()))
                        .set(BerthSearchAttributes.SITE_ID, Long.toString(request.siteId()))
                        .build())
                .build());
    Promise<Void> result =
        Async.procedure(
            site::run,
            new SiteRequest(
                request.siteId(),
                request.customerId(),
                request.orderId(),
                request.siteName(),
                request.app(),
                request.limits(),
                place.hostId(),
                place.hostPort(),
                false,
                SiteStatus.PROVISIONING,
                null));
    Workflow.getWorkflowExecution(site).get();
    return result;
  }

  private static void awaitQuietly(Promise<Void> site) {
    if (site == null) {
      return;
    }
    try {
      site.get();
    } catch (ChildWorkflowFailure | CanceledFailure expected) {
      // The site workflow ends cancelled once it has removed what it created.
    }
  }

  @Override
  public void paymentReceived(String reference) {
    paid = true;
  }

  @Override
  public void siteProvisioned() {
    siteProvisioned = true;
  }

  @Override
  public Progress progress() {
    return steps.snapshot();
  }
}
