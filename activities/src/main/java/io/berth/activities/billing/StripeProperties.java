package io.berth.activities.billing;

import com.stripe.StripeClient;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Stripe for the worker ({@code berth.stripe.*}).
 *
 * @param apiKey the secret key ({@code sk_live_…}, {@code sk_test_…}); empty turns Stripe off: paid
 *     plans are then sold by bank transfer only. Never logged, never in a workflow's history
 * @param apiBase where Stripe's API answers (default {@code https://api.stripe.com}; stripe-mock on
 *     {@code http://127.0.0.1:12111} in tests)
 */
@ConfigurationProperties("berth.stripe")
public record StripeProperties(String apiKey, @DefaultValue("https://api.stripe.com") URI apiBase) {

  public StripeProperties {
    String scheme = apiBase.getScheme();
    if (!"https".equals(scheme) && !"http".equals(scheme) || apiBase.getHost() == null) {
      throw new IllegalArgumentException(
          "berth.stripe.api-base must be an http(s) URL, not " + apiBase);
    }
  }

  public boolean configured() {
    return apiKey != null && !apiKey.isBlank();
  }

  /** A client of its own for this key and base URL. */
  public StripeClient newClient() {
    String base = apiBase.toString();
    return StripeClient.builder()
        .setApiKey(apiKey)
        .setApiBase(base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
        .build();
  }

  /** Keeps the key out of logs and error messages. */
  @Override
  public String toString() {
    return "StripeProperties[apiKey="
        + (configured() ? "(set)" : "(empty)")
        + ", apiBase="
        + apiBase
        + "]";
  }
}
