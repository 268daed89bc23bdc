package io.berth.panel.billing;

import io.berth.persistence.plan.Plan;
import io.berth.workflows.billing.PaymentMethod;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How paid plans are sold: by card through Stripe when the platform has a Stripe API key ({@code
 * berth.stripe.api-key}), else by bank transfer. The panel never calls Stripe and keeps only
 * whether a key is set, never the key.
 */
@Component
public class PaymentOptions {

  private final boolean stripe;

  public PaymentOptions(@Value("${berth.stripe.api-key:}") String apiKey) {
    this.stripe = apiKey != null && !apiKey.isBlank();
  }

  /** True when paid plans are paid on Stripe's hosted checkout page. */
  public boolean stripe() {
    return stripe;
  }

  /** NONE for a free plan; STRIPE or BANK_TRANSFER for a paid one. */
  public PaymentMethod gatewayFor(Plan plan) {
    if (plan.isFree()) {
      return PaymentMethod.NONE;
    }
    return stripe() ? PaymentMethod.STRIPE : PaymentMethod.BANK_TRANSFER;
  }
}
