package io.berth.panel.payment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the panel checks Stripe's webhook deliveries ({@code berth.stripe.*}; the other keys under
 * that prefix belong to the Stripe adapter).
 *
 * @param webhookSecret the endpoint's signing secret ({@code whsec_…}); empty turns the endpoint
 *     off (503)
 * @param webhookTolerance how old a signed timestamp may be; older deliveries are refused as
 *     replays
 * @param webhookSignalTimeout how long one signal to a workflow may take before the delivery is
 *     answered 503 (Stripe delivers it again)
 */
@ConfigurationProperties("berth.stripe")
record StripeWebhookProperties(
    @DefaultValue("") String webhookSecret,
    @DefaultValue("300s") Duration webhookTolerance,
    @DefaultValue("10s") Duration webhookSignalTimeout) {

  boolean configured() {
    return webhookSecret != null && !webhookSecret.isBlank();
  }

  /** Never shows the secret, so the properties can be logged or printed safely. */
  @Override
  public String toString() {
    return "StripeWebhookProperties[webhookSecret="
        + (configured() ? "(set)" : "(empty)")
        + ", webhookTolerance="
        + webhookTolerance
        + ", webhookSignalTimeout="
        + webhookSignalTimeout
        + "]";
  }
}
