package io.berth.panel.order;

import io.berth.workflows.order.OrderStatus;
import io.berth.workflows.progress.Step;
import java.time.Instant;
import java.util.List;

/**
 * One order as its page shows it, with the live steps of its workflows. Two snapshots are equal
 * when nothing a customer could see has changed.
 *
 * @param amount what to transfer, e.g. "€5.00"; null for a free plan
 * @param progressAvailable false when the workflow service could not be asked; steps are then the
 *     plain list of steps, all pending
 */
public record OrderDetails(
    long id,
    long customerId,
    OrderStatus status,
    String planName,
    String amount,
    String paymentMethod,
    String paymentRef,
    long siteId,
    String siteName,
    String app,
    String siteUrl,
    String failureReason,
    Instant createdAt,
    List<Step> steps,
    boolean progressAvailable) {

  public OrderDetails {
    steps = List.copyOf(steps);
  }

  public boolean awaitsTransfer() {
    return status == OrderStatus.AWAITING_PAYMENT && paymentRef == null;
  }

  public boolean cancellable() {
    return status.isOpen();
  }
}
