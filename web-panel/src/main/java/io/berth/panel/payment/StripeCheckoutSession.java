package io.berth.panel.payment;

import java.time.Instant;
import java.util.Set;

/**
 * What Berth reads from a Checkout Session: the order it pays for ({@code client_reference_id},
 * else {@code metadata.berth_order_id}), the subscription Berth opened with it, whether it is paid,
 * and the Stripe customer, subscription and invoice it made.
 *
 * @param periodEnd the subscription's paid-up date, when the event carries the subscription object
 */
record StripeCheckoutSession(
    String id,
    Long orderId,
    Long berthSubscriptionId,
    String paymentStatus,
    String customer,
    String subscription,
    String invoice,
    long amountTotal,
    String currency,
    Instant periodEnd) {

  private static final Set<String> PAID = Set.of("paid", "no_payment_required");

  static StripeCheckoutSession from(StripeObject session) {
    return new StripeCheckoutSession(
        session.id(),
        orderOf(session),
        session.berthId(SubscriptionLookup.BERTH_SUBSCRIPTION_ID),
        session.text("payment_status"),
        session.ref("customer"),
        session.ref("subscription"),
        session.ref("invoice"),
        session.numberOr("amount_total", 0),
        session.text("currency"),
        StripeSubscription.periodEndOf(session.at("subscription")));
  }

  boolean paid() {
    return PAID.contains(paymentStatus);
  }

  /** The invoice the payment settled, or the session itself for a payment without one. */
  String invoiceRef() {
    return invoice != null ? invoice : id;
  }

  private static Long orderOf(StripeObject session) {
    String reference = session.text("client_reference_id");
    if (reference != null) {
      try {
        long id = Long.parseLong(reference.trim());
        if (id > 0) {
          return id;
        }
      } catch (NumberFormatException notBerths) {
        // A reference Berth did not set; the metadata may still name the order.
      }
    }
    return session.berthId("berth_order_id");
  }
}
