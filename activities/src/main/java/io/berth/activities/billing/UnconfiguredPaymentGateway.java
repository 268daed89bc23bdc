package io.berth.activities.billing;

import io.berth.activities.common.PermanentException;
import io.berth.workflows.billing.CheckoutLink;
import io.berth.workflows.common.FailureType;
import java.util.Optional;

/**
 * The gateway when no Stripe API key is set: paid plans are sold by bank transfer only, and any
 * call that would need Stripe fails at once, for good, saying so.
 */
public class UnconfiguredPaymentGateway implements PaymentGateway {

  static final String NOT_CONFIGURED =
      "Stripe is not configured: set berth.stripe.api-key (BERTH_STRIPE_API_KEY) on the worker"
          + " to take card payments";

  @Override
  public String createCustomer(long customerId, String email) {
    throw notConfigured();
  }

  @Override
  public CheckoutLink createCheckout(CheckoutRequest request) {
    throw notConfigured();
  }

  @Override
  public CheckoutSession checkout(String sessionId) {
    throw notConfigured();
  }

  @Override
  public Optional<String> refundCheckout(CheckoutSession session, String idempotencyKey) {
    throw notConfigured();
  }

  @Override
  public GatewaySubscription cancelSubscription(String subscriptionId, String idempotencyKey) {
    throw notConfigured();
  }

  @Override
  public GatewaySubscription changePrice(
      String subscriptionId, String priceId, String idempotencyKey) {
    throw notConfigured();
  }

  @Override
  public GatewaySubscription setCancelAtPeriodEnd(
      String subscriptionId, boolean cancel, String idempotencyKey) {
    throw notConfigured();
  }

  @Override
  public String portalUrl(String customerId, String returnUrl) {
    throw notConfigured();
  }

  private static PermanentException notConfigured() {
    return new PermanentException(FailureType.INVALID_INPUT, NOT_CONFIGURED);
  }
}
