package io.berth.panel.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Webhook events in Stripe's shapes (API version 2025-03-31.basil unless said otherwise), carrying
 * the Berth ids the panel put into the checkout, for the integration tests. Stripe's own ids are
 * deliberately the same for every order where stripe-mock answers the same ones.
 */
final class StripePayloads {

  /** What stripe-mock answers for every checkout session and customer. */
  static final String SESSION_ID = "cs_test_a1Yb0vxZdTzjoCgfUWz6H34bxQ3Tk9zcwMUDc2rsY4j1xMs53s";

  static final String CUSTOMER_ID = "cus_TZjoCgfUWz6H34";

  private StripePayloads() {}

  static String event(String id, String type, long created, Map<String, Object> object) {
    return event(id, type, created, object, null);
  }

  static String event(
      String id,
      String type,
      long created,
      Map<String, Object> object,
      Map<String, Object> previousAttributes) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("object", object);
    if (previousAttributes != null) {
      data.put("previous_attributes", previousAttributes);
    }
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("id", id);
    event.put("object", "event");
    event.put("api_version", "2025-03-31.basil");
    event.put("created", created);
    event.put("data", data);
    event.put("livemode", false);
    event.put("pending_webhooks", 1);
    event.put("type", type);
    try {
      return StripeFixtures.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, Object> checkoutSession(
      long orderId,
      long subscriptionId,
      String paymentStatus,
      String stripeSubscription,
      String invoice) {
    Map<String, Object> session = new LinkedHashMap<>();
    session.put("id", SESSION_ID);
    session.put("object", "checkout.session");
    session.put("amount_total", 500);
    session.put("client_reference_id", Long.toString(orderId));
    session.put("currency", "eur");
    session.put("customer", CUSTOMER_ID);
    session.put("invoice", invoice);
    session.put(
        "metadata",
        Map.of(
            "berth_order_id", Long.toString(orderId),
            "berth_subscription_id", Long.toString(subscriptionId)));
    session.put("mode", "subscription");
    session.put("payment_status", paymentStatus);
    session.put("status", paymentStatus.equals("unpaid") ? "open" : "complete");
    session.put("subscription", stripeSubscription);
    return session;
  }

  static Map<String, Object> subscription(
      String stripeId,
      long subscriptionId,
      long periodEndSeconds,
      boolean cancelAtPeriodEnd,
      String priceId) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("id", "si_" + stripeId);
    item.put("object", "subscription_item");
    item.put("current_period_end", periodEndSeconds);
    item.put("price", Map.of("id", priceId, "object", "price"));
    Map<String, Object> subscription = new LinkedHashMap<>();
    subscription.put("id", stripeId);
    subscription.put("object", "subscription");
    subscription.put("cancel_at_period_end", cancelAtPeriodEnd);
    subscription.put("customer", CUSTOMER_ID);
    subscription.put("items", Map.of("object", "list", "data", List.of(item)));
    subscription.put("metadata", Map.of("berth_subscription_id", Long.toString(subscriptionId)));
    subscription.put("status", "active");
    return subscription;
  }

  /**
   * An invoice of a subscription.
   *
   * @param id null for an upcoming invoice (a preview has no id)
   */
  static Map<String, Object> invoice(
      String id,
      long subscriptionId,
      String stripeSubscription,
      String status,
      long amount,
      int attemptCount,
      long periodStartSeconds,
      long periodEndSeconds) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("id", "il_1");
    line.put("object", "line_item");
    line.put("amount", amount);
    line.put("period", Map.of("start", periodStartSeconds, "end", periodEndSeconds));
    Map<String, Object> invoice = new LinkedHashMap<>();
    if (id != null) {
      invoice.put("id", id);
    }
    invoice.put("object", "invoice");
    invoice.put("amount_due", amount);
    invoice.put("amount_paid", status.equals("paid") ? amount : 0);
    invoice.put("attempt_count", attemptCount);
    invoice.put("currency", "eur");
    invoice.put("customer", CUSTOMER_ID);
    if (id != null) {
      invoice.put("hosted_invoice_url", "https://invoice.stripe.com/i/acct_test/" + id);
      invoice.put("invoice_pdf", "https://pay.stripe.com/invoice/acct_test/" + id + "/pdf");
      invoice.put("number", status.equals("draft") ? null : "BERTH-" + id.substring(3));
    }
    invoice.put("lines", Map.of("object", "list", "data", List.of(line)));
    invoice.put(
        "parent",
        Map.of(
            "type",
            "subscription_details",
            "subscription_details",
            Map.of(
                "metadata",
                Map.of("berth_subscription_id", Long.toString(subscriptionId)),
                "subscription",
                stripeSubscription)));
    invoice.put("status", status);
    return invoice;
  }

  static Map<String, Object> refundedCharge(
      String chargeId, Long orderId, String invoice, String refundId) {
    Map<String, Object> charge = new LinkedHashMap<>();
    charge.put("id", chargeId);
    charge.put("object", "charge");
    charge.put("amount", 500);
    charge.put("amount_refunded", 500);
    charge.put("currency", "eur");
    charge.put("invoice", invoice);
    charge.put(
        "metadata", orderId == null ? Map.of() : Map.of("berth_order_id", Long.toString(orderId)));
    charge.put("refunded", true);
    charge.put(
        "refunds",
        Map.of("object", "list", "data", List.of(Map.of("id", refundId, "object", "refund"))));
    return charge;
  }

  /** Any other object, by its id and kind. */
  static Map<String, Object> plain(String id, String object) {
    Map<String, Object> plain = new LinkedHashMap<>();
    plain.put("id", id);
    plain.put("object", object);
    plain.put("metadata", Map.of());
    return plain;
  }
}
