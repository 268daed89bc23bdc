package io.berth.panel.order;

import io.berth.workflows.order.OrderRequest;

/** The panel's port to the order workflows. */
interface OrderWorkflows {

  /**
   * Starts {@code order-<orderId>} with the search attributes that let support find it.
   *
   * @throws RuntimeException if it could not be started (Temporal unreachable, id in use)
   */
  void start(OrderRequest request);

  /** Requests cancellation; false if there is no such workflow (any more). */
  boolean cancel(long orderId);

  /** Tells the order's workflow its payment arrived; false if there is no such workflow. */
  boolean paymentReceived(long orderId, String reference);
}
