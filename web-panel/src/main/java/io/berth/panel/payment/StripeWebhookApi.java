package io.berth.panel.payment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.panel.common.ServiceUnavailableException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/payments/stripe/webhook}: where Stripe delivers its events. No sign-in: the
 * {@code Stripe-Signature} over the raw body is the authentication. Answers as soon as the event is
 * recorded and its workflows signalled.
 */
@RestController
@Tag(name = "Payments")
class StripeWebhookApi {

  static final String PATH = "/api/v1/payments/stripe/webhook";
  static final String NOT_CONFIGURED =
      "Stripe webhooks are not configured: set BERTH_STRIPE_WEBHOOK_SECRET"
          + " (berth.stripe.webhook-secret) to the endpoint's signing secret.";

  private final StripeWebhookProperties properties;
  private final StripeSignatureCheck signatures;
  private final StripeEventIntake intake;
  private final ObjectMapper json;

  StripeWebhookApi(
      StripeWebhookProperties properties,
      StripeSignatureCheck signatures,
      StripeEventIntake intake,
      ObjectMapper json) {
    this.properties = properties;
    this.signatures = signatures;
    this.intake = intake;
    this.json = json;
  }

  @PostMapping(PATH)
  @Operation(
      summary = "Stripe's webhook deliveries",
      description =
          "For Stripe only: set this URL as the webhook endpoint in the Stripe dashboard. The"
              + " Stripe-Signature header must match the raw body under the endpoint's secret,"
              + " with a timestamp at most berth.stripe.webhook-tolerance old (400 otherwise)."
              + " Each event id is acted on once: 200 {\"received\":true}, or"
              + " {\"received\":true,\"duplicate\":true} for a redelivery. 503 when the secret is"
              + " not set, or the workflow service did not take the event (Stripe retries).")
  @SecurityRequirements
  Received receive(
      @Parameter(description = "t=<unix time>,v1=<HMAC-SHA256 of \"<t>.<body>\">")
          @RequestHeader(value = StripeSignatureCheck.HEADER, required = false)
          String signature,
      @RequestBody(required = false) byte[] body) {
    if (!properties.configured()) {
      throw new ServiceUnavailableException(NOT_CONFIGURED, null);
    }
    String payload = new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8);
    signatures.verify(payload, signature);
    StripeEvent event = StripeEvent.parse(payload, json);
    return intake.take(event) ? Received.NEW : Received.DUPLICATE;
  }

  /** The answer Stripe reads: it only looks at the status; the body helps a person debugging. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Received(boolean received, Boolean duplicate) {
    static final Received NEW = new Received(true, null);
    static final Received DUPLICATE = new Received(true, true);
  }
}
