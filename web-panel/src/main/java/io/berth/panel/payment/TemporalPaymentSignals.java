package io.berth.panel.payment;

import io.berth.panel.common.BoundedCall;
import io.berth.workflows.billing.BillingEvent;
import io.berth.workflows.billing.SubscriptionWorkflow;
import io.berth.workflows.order.OrderWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Signals order and subscription workflows through the Temporal client, each call bounded by {@code
 * berth.stripe.webhook-signal-timeout} so a delivery never hangs on an unreachable server.
 */
@Component
class TemporalPaymentSignals implements PaymentSignals {

  static final String NOT_ANSWERING =
      "The workflow service did not take the payment event in time; Stripe will deliver it again.";

  private static final Logger log = LoggerFactory.getLogger(TemporalPaymentSignals.class);

  private final WorkflowClient client;
  private final Executor executor;
  private final StripeWebhookProperties properties;

  TemporalPaymentSignals(
      WorkflowClient client,
      @Qualifier("applicationTaskExecutor") Executor executor,
      StripeWebhookProperties properties) {
    this.client = client;
    this.executor = executor;
    this.properties = properties;
  }

  @Override
  public boolean paymentReceived(long orderId, String reference) {
    String workflowId = OrderWorkflow.workflowId(orderId);
    OrderWorkflow order = client.newWorkflowStub(OrderWorkflow.class, workflowId);
    return send(workflowId, "paymentReceived", () -> order.paymentReceived(reference));
  }

  @Override
  public boolean billingEvent(long subscriptionId, BillingEvent event) {
    String workflowId = SubscriptionWorkflow.workflowId(subscriptionId);
    SubscriptionWorkflow subscription =
        client.newWorkflowStub(SubscriptionWorkflow.class, workflowId);
    return send(workflowId, "billingEvent " + event.kind(), () -> subscription.billingEvent(event));
  }

  @Override
  public boolean cancelOrder(long orderId, String reason) {
    String workflowId = OrderWorkflow.workflowId(orderId);
    return send(
        workflowId, "cancel", () -> client.newUntypedWorkflowStub(workflowId).cancel(reason));
  }

  private boolean send(String workflowId, String what, Runnable call) {
    try {
      return BoundedCall.within(
          executor,
          properties.webhookSignalTimeout(),
          NOT_ANSWERING,
          () -> {
            call.run();
            return true;
          },
          TemporalPaymentSignals::rethrow);
    } catch (WorkflowNotFoundException gone) {
      log.info(
          "No running workflow {} to take {}; the Stripe event is only recorded", workflowId, what);
      return false;
    }
  }

  private static RuntimeException rethrow(Throwable failure) {
    return failure instanceof RuntimeException runtime
        ? runtime
        : new IllegalStateException(failure);
  }
}
