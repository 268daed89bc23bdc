package io.berth.activities.billing;

/**
 * What a hosted checkout page sells: one subscription to {@code priceId} for the provider's
 * customer, tagged with Berth's order and subscription ids so the webhook can find them.
 */
public record CheckoutRequest(
    long orderId,
    long subscriptionId,
    String customerId,
    String priceId,
    String successUrl,
    String cancelUrl) {

  /** The idempotency key of the order's one checkout page. */
  public String idempotencyKey() {
    return "order-" + orderId + ":checkout";
  }
}
