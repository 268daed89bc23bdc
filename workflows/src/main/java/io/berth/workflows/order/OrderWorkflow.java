package io.berth.workflows.order;

import io.berth.workflows.progress.Progress;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * Takes one order from checkout to a live site: payment → placement on a host → child {@code
 * SiteWorkflow} that provisions the site → done. Runs on {@code berth-control} with the id {@code
 * order-<orderId>}.
 *
 * <p>Cancelling the workflow while it provisions cancels the site workflow, which removes
 * everything it had created; the order is then recorded {@link OrderStatus#CANCELLED}. A site that
 * fails for good leaves the order {@link OrderStatus#FAILED} with the reason, and the workflow
 * fails with that reason so support can find and reset it.
 */
@WorkflowInterface
public interface OrderWorkflow {

  String STEP_PAYMENT = "payment";
  String STEP_PLACEMENT = "placement";
  String STEP_DONE = "done";

  /** The order's own steps; the site's provisioning steps come between placement and done. */
  List<String> STEPS = List.of(STEP_PAYMENT, STEP_PLACEMENT, STEP_DONE);

  static String workflowId(long orderId) {
    return "order-" + orderId;
  }

  @WorkflowMethod
  void run(OrderRequest request);

  /** The payment arrived (support marked it paid, or a gateway confirmed it). Idempotent. */
  @SignalMethod
  void paymentReceived(String reference);

  /** Sent by the site workflow once the site answers through the proxy. */
  @SignalMethod
  void siteProvisioned();

  @QueryMethod
  Progress progress();
}
