package io.berth.panel.payment;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import io.berth.panel.common.InvalidInputException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks a delivery's {@code Stripe-Signature} header against the raw body with stripe-java's
 * verifier: an HMAC-SHA256 of {@code <timestamp>.<body>} under the endpoint's secret, and a
 * timestamp no older than the tolerance. Refusals never repeat the secret or the body.
 */
@Component
class StripeSignatureCheck {

  static final String HEADER = "Stripe-Signature";
  static final String MISSING =
      "The Stripe-Signature header is missing: only Stripe's signed deliveries are accepted.";

  private static final Logger log = LoggerFactory.getLogger(StripeSignatureCheck.class);

  private final StripeWebhookProperties properties;
  private final Clock clock;

  StripeSignatureCheck(StripeWebhookProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * @throws InvalidInputException if the header is missing or malformed, no signature matches the
   *     body under the secret, or the timestamp is older than the tolerance
   */
  void verify(String payload, String header) {
    if (header == null || header.isBlank()) {
      log.info("Refused a Stripe webhook delivery: no Stripe-Signature header");
      throw InvalidInputException.of(HEADER, MISSING);
    }
    try {
      Webhook.Signature.verifyHeader(
          payload,
          header,
          properties.webhookSecret(),
          properties.webhookTolerance().toSeconds(),
          clock);
    } catch (SignatureVerificationException refused) {
      throw refusal(refused.getMessage());
    } catch (NumberFormatException badTimestamp) {
      throw refusal("Unable to extract timestamp and signatures from header");
    }
  }

  /** Logs only stripe-java's fixed reason: never the header, the body or the secret. */
  private InvalidInputException refusal(String why) {
    log.info("Refused a Stripe webhook delivery: {}", why);
    return InvalidInputException.of(
        HEADER,
        "The Stripe-Signature header does not match this body ("
            + why
            + "): the body was changed, it was signed with another secret, or it is older than "
            + properties.webhookTolerance().toSeconds()
            + " s.");
  }
}
