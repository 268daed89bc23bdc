package io.berth.workflows.billing;

import io.berth.workflows.common.PlanLimits;
import io.temporal.activity.ActivityInterface;

/**
 * Calls to the subscription's payment gateway, on {@code berth-control}. Every call that changes
 * something at the gateway carries an idempotency key derived from business ids, so a retry (or a
 * second worker) never charges, refunds or changes twice.
 */
@ActivityInterface
public interface PaymentActivities {

  /**
   * The order's hosted checkout page (Stripe Checkout, subscription mode, key {@code
   * order-<id>:checkout}); stored on the order so the panel can send the customer there. Returns
   * the stored one if it exists.
   */
  CheckoutLink createCheckout(long orderId);

  /**
   * Gives the order's payment back after provisioning failed for good (key {@code
   * order-<id>:refund}): Stripe refunds the charge and cancels the subscription; a bank transfer is
   * recorded as a refund due for support. Once only; stored on the order.
   */
  void refundOrder(long orderId);

  /**
   * Moves the subscription to the plan at the gateway (Stripe prorates) and on its row; answers the
   * plan's limits.
   *
   * @param idempotencyKey stable across retries of this one change, different for the next change
   */
  PlanLimits changePlan(long subscriptionId, long planId, String idempotencyKey);

  /** Sets or clears cancellation at period end at the gateway and on the row. */
  void cancelAtPeriodEnd(long subscriptionId, boolean cancel, String idempotencyKey);

  /** A Stripe customer-portal session for the subscription's customer; answers its URL. */
  String billingPortalUrl(long subscriptionId, String returnUrl);
}
