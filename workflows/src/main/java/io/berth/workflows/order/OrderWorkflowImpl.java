package io.berth.workflows.order;

import io.berth.workflows.billing.BillingEvent;
import io.berth.workflows.billing.BillingEventKind;
import io.berth.workflows.billing.PaymentActivities;
import io.berth.workflows.billing.PaymentMethod;
import io.berth.workflows.billing.SubscriptionWorkflow;
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
import org.slf4j.Logger;

public class OrderWorkflowImpl implements OrderWorkflow {

  private static final Logger log = Workflow.getLogger(OrderWorkflowImpl.class);

  /**
   * Marks histories made since orders have payment gateways: Stripe checkout, the refund after a
   * paid order fails, and telling the subscription that its order ended.
   */
  private static final String BILLING = "billing";

  private final OrderActivities orders =
      Workflow.newActivityStub(OrderActivities.class, ActivityStubs.control());
  private final PlacementActivities placement =
      Workflow.newActivityStub(PlacementActivities.class, ActivityStubs.control());
  private final PaymentActivities payments =
      Workflow.newActivityStub(PaymentActivities.class, ActivityStubs.control());
  private final StepTracker steps = new StepTracker(STEPS);

  private boolean billing;
  private boolean paid;
  private boolean siteProvisioned;

  @Override
  public void run(OrderRequest request) {
    billing = Workflow.getVersion(BILLING, Workflow.DEFAULT_VERSION, 1) != Workflow.DEFAULT_VERSION;
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
                endSubscription(request);
              })
          .run();
      throw e;
    }
  }

  private ApplicationFailure fail(OrderRequest request, RuntimeException e) {
    String reason = FailureReasons.of(e);
    steps.fail(steps.active() != null ? steps.active() : STEP_DONE, reason);
    steps.cancelUnfinished();
    String refund = refund(request);
    String shown = refund.isEmpty() ? reason : asSentence(reason) + refund;
    orders.recordOrderStatus(request.orderId(), OrderStatus.FAILED, shown);
    endSubscription(request);
    return ApplicationFailure.newNonRetryableFailureWithCause(shown, "ORDER_FAILED", e);
  }

  private static String asSentence(String reason) {
    return reason.endsWith(".") || reason.endsWith("!") || reason.endsWith("?")
        ? reason
        : reason + ".";
  }

  /**
   * Gives the payment back when the order failed for good after it was paid; answers what the
   * customer is told about it (nothing when nothing was paid).
   */
  private String refund(OrderRequest request) {
    if (!billing || !request.paymentRequired() || !paid) {
      return "";
    }
    try {
      payments.refundOrder(request.orderId());
    } catch (ActivityFailure e) {
      log.warn("Order {}: the refund failed; support refunds it by hand", request.orderId(), e);
      return " Your payment will be refunded.";
    }
    return request.gateway() == PaymentMethod.STRIPE
        ? " Your payment was refunded."
        : " Your payment will be refunded.";
  }

  /**
   * The order will never serve: its subscription ends (a subscription gone already is fine). The
   * event carries no gateway time (0): it is Berth's own fact and applies whatever came before.
   */
  private void endSubscription(OrderRequest request) {
    if (!billing || request.subscriptionId() == 0) {
      return;
    }
    String subscription = SubscriptionWorkflow.workflowId(request.subscriptionId());
    try {
      Workflow.newExternalWorkflowStub(SubscriptionWorkflow.class, subscription)
          .billingEvent(
              new BillingEvent(
                  OrderWorkflow.workflowId(request.orderId()) + ":ended",
                  BillingEventKind.ENDED,
                  0,
                  null,
                  null,
                  0,
                  null));
    } catch (RuntimeException e) {
      log.warn("Order {}: {} did not take the ended event", request.orderId(), subscription, e);
    }
  }

  private void takePayment(OrderRequest request) {
    steps.start(STEP_PAYMENT);
    if (!request.paymentRequired()) {
      steps.skip(STEP_PAYMENT);
      return;
    }
    if (billing && request.gateway() == PaymentMethod.STRIPE) {
      payments.createCheckout(request.orderId());
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
