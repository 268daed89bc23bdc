package io.berth.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.Stripe;
import java.time.Instant;
import java.util.Locale;

/**
 * Webhook events as Stripe sends them after a hosted page did its work, for the page this machine
 * cannot reach. Shaped like Stripe's own (event envelope, API version of the stripe-java the
 * platform uses, the object in {@code data.object}).
 */
final class StripeEvents {

  private static final ObjectMapper JSON = new ObjectMapper();

  private StripeEvents() {}

  /** A Berth order paid through Stripe Checkout in subscription mode. */
  record PaidCheckout(
      String sessionId,
      long orderId,
      long subscriptionId,
      String stripeCustomerId,
      String stripeSubscriptionId,
      long amountCents,
      String currency) {}

  /** {@code checkout.session.completed} with {@code payment_status: paid}. */
  static String checkoutSessionCompleted(String eventId, Instant at, PaidCheckout paid) {
    ObjectNode session = JSON.createObjectNode();
    session.put("id", paid.sessionId());
    session.put("object", "checkout.session");
    session.put("mode", "subscription");
    session.put("status", "complete");
    session.put("payment_status", "paid");
    session.put("client_reference_id", Long.toString(paid.orderId()));
    session.put("customer", paid.stripeCustomerId());
    session.put("subscription", paid.stripeSubscriptionId());
    session.put("amount_subtotal", paid.amountCents());
    session.put("amount_total", paid.amountCents());
    session.put("currency", paid.currency().toLowerCase(Locale.ROOT));
    session.put("livemode", false);
    session.put("created", at.getEpochSecond() - 60);
    session.put("expires_at", at.getEpochSecond() + 86_400);
    session.putNull("url");
    ObjectNode metadata = session.putObject("metadata");
    metadata.put("berth_order_id", Long.toString(paid.orderId()));
    metadata.put("berth_subscription_id", Long.toString(paid.subscriptionId()));
    return event(eventId, "checkout.session.completed", at, session);
  }

  private static String event(String id, String type, Instant at, ObjectNode object) {
    ObjectNode event = JSON.createObjectNode();
    event.put("id", id);
    event.put("object", "event");
    event.put("api_version", Stripe.API_VERSION);
    event.put("created", at.getEpochSecond());
    event.put("livemode", false);
    event.put("pending_webhooks", 1);
    event.put("type", type);
    ObjectNode request = event.putObject("request");
    request.putNull("id");
    request.putNull("idempotency_key");
    event.putObject("data").set("object", object);
    try {
      return JSON.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
