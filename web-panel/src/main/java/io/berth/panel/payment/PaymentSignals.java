package io.berth.panel.payment;

import io.berth.panel.common.ServiceUnavailableException;
import io.berth.workflows.billing.BillingEvent;

/**
 * The webhook's port to the workflows a payment concerns: {@code order-<id>} and {@code
 * subscription-<id>}. A workflow that does not exist or has ended is not an error (the event is
 * then only recorded); an unreachable workflow service is, so the delivery is refused and Stripe
 * sends it again.
 */
interface PaymentSignals {

  /**
   * Tells the order's workflow its payment arrived.
   *
   * @return false if there is no running workflow for the order
   * @throws ServiceUnavailableException if the workflow service cannot be reached in time
   */
  boolean paymentReceived(long orderId, String reference);

  /**
   * Reports a payment fact to the subscription's workflow.
   *
   * @return false if there is no running workflow for the subscription
   * @throws ServiceUnavailableException if the workflow service cannot be reached in time
   */
  boolean billingEvent(long subscriptionId, BillingEvent event);

  /**
   * Asks the order's workflow to cancel, as a customer's cancellation does.
   *
   * @return false if there is no running workflow for the order (nothing ran that needs undoing)
   * @throws ServiceUnavailableException if the workflow service cannot be reached in time
   */
  boolean cancelOrder(long orderId, String reason);
}
