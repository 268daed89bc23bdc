package io.berth.workflows.order;

import io.berth.workflows.billing.PaymentMethod;
import io.berth.workflows.common.PlanLimits;

/**
 * Input of {@link OrderWorkflow}: one purchase of a plan with its first site.
 *
 * @param paymentRequired false for a free trial; true waits for {@link
 *     OrderWorkflow#paymentReceived(String)}
 * @param gateway how it is paid: STRIPE first creates the hosted checkout page; null in histories
 *     from before payment gateways (a bank transfer)
 * @param subscriptionId the subscription the order starts, told when the order fails or is
 *     cancelled; 0 in histories from before subscriptions
 */
public record OrderRequest(
    long orderId,
    long customerId,
    long siteId,
    String siteName,
    String app,
    boolean paymentRequired,
    PlanLimits limits,
    PaymentMethod gateway,
    long subscriptionId) {

  public OrderRequest(
      long orderId,
      long customerId,
      long siteId,
      String siteName,
      String app,
      boolean paymentRequired,
      PlanLimits limits) {
    this(orderId, customerId, siteId, siteName, app, paymentRequired, limits, null, 0);
  }
}
