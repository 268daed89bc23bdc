package io.berth.workflows.order;

import io.temporal.activity.ActivityInterface;

/** Platform-DB bookkeeping of orders. Runs on {@code berth-control}. */
@ActivityInterface
public interface OrderActivities {

  /**
   * Stores the order's status and, for {@link OrderStatus#FAILED}, the reason shown to the
   * customer. Idempotent: setting the same status twice changes nothing.
   */
  void recordOrderStatus(long orderId, OrderStatus status, String reason);
}
