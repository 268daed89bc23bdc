package io.berth.activities.billing;

import io.berth.workflows.billing.CheckoutLink;
import java.util.Optional;

/**
 * The payment provider as Berth's billing activities use it: customers, hosted checkout pages for
 * new subscriptions, refunds, plan changes and the customer portal. Every call that changes
 * something takes an idempotency key derived from business ids, so a retried activity never
 * charges, refunds or changes twice.
 *
 * <p>Refusals that retrying cannot fix (a declined card, a request the provider rejects) are {@link
 * io.berth.activities.common.PermanentException}s whose message a customer or support can read; an
 * unreachable or failing provider is a {@link PaymentGatewayUnavailableException}, retried.
 */
public interface PaymentGateway {

  /**
   * Creates the provider's customer for a Berth customer (key {@code customer-<id>}); answers its
   * id. The caller stores it and calls this only for a customer that has none.
   */
  String createCustomer(long customerId, String email);

  /** A hosted checkout page that starts a subscription to the request's price. */
  CheckoutLink createCheckout(CheckoutRequest request);

  /** The checkout session as the provider has it now. */
  CheckoutSession checkout(String sessionId);

  /**
   * Refunds what the checkout session charged (its payment, or the payment of its first invoice);
   * answers the refund's id, the existing one if the payment was refunded already, or empty when
   * the session charged nothing.
   */
  Optional<String> refundCheckout(CheckoutSession session, String idempotencyKey);

  /** Ends the provider's subscription now; one that has ended already is left alone. */
  GatewaySubscription cancelSubscription(String subscriptionId, String idempotencyKey);

  /** Moves the subscription to another price, prorated; nothing happens if it has that price. */
  GatewaySubscription changePrice(String subscriptionId, String priceId, String idempotencyKey);

  /** Sets or clears cancellation at the end of the current period. */
  GatewaySubscription setCancelAtPeriodEnd(
      String subscriptionId, boolean cancel, String idempotencyKey);

  /** A one-time link to the provider's customer portal, coming back to {@code returnUrl}. */
  String portalUrl(String customerId, String returnUrl);
}
