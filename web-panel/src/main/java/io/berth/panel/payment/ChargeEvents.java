package io.berth.panel.payment;

import io.berth.persistence.billing.Invoice;
import io.berth.persistence.billing.InvoiceRepository;
import io.berth.persistence.billing.Subscription;
import io.berth.persistence.billing.SubscriptionRepository;
import io.berth.persistence.order.OrderRepository;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Charges: a refund is noted on the order it paid for (by the charge's {@code
 * metadata.berth_order_id}, else its invoice's subscription), so support sees it; a dispute is
 * logged for support, who answer it in Stripe's dashboard.
 */
@Component
class ChargeEvents implements StripeEventHandler {

  static final String REFUNDED = "charge.refunded";
  static final String DISPUTE_CREATED = "charge.dispute.created";

  private static final Logger log = LoggerFactory.getLogger(ChargeEvents.class);

  private final OrderRepository orders;
  private final InvoiceRepository invoices;
  private final SubscriptionRepository subscriptions;

  ChargeEvents(
      OrderRepository orders, InvoiceRepository invoices, SubscriptionRepository subscriptions) {
    this.orders = orders;
    this.invoices = invoices;
    this.subscriptions = subscriptions;
  }

  @Override
  public Set<String> types() {
    return Set.of(REFUNDED, DISPUTE_CREATED);
  }

  @Override
  public Outcome handle(StripeEvent event) {
    StripeObject object = event.object();
    if (event.type().equals(DISPUTE_CREATED)) {
      log.warn(
          "Stripe dispute {} on charge {} ({} {}, reason {}): answer it in the Stripe dashboard",
          object.id(),
          object.ref("charge"),
          object.numberOr("amount", 0),
          object.text("currency"),
          object.text("reason"));
      return Outcome.RECORDED;
    }
    Optional<Long> order = orderOf(object);
    if (order.isEmpty()) {
      return Outcome.NOT_MAPPED;
    }
    orders.recordRefund(order.get(), refundRef(object));
    return Outcome.APPLIED;
  }

  private Optional<Long> orderOf(StripeObject charge) {
    Long berthOrder = charge.berthId("berth_order_id");
    if (berthOrder != null && orders.existsById(berthOrder)) {
      return Optional.of(berthOrder);
    }
    String invoice = charge.ref("invoice");
    return Optional.ofNullable(invoice)
        .flatMap(invoices::findByStripeInvoiceId)
        .map(Invoice::subscriptionId)
        .flatMap(subscriptions::findById)
        .map(Subscription::orderId);
  }

  /** The refund's id when the charge lists it, else the charge's. */
  private static String refundRef(StripeObject charge) {
    String refund = charge.firstOf("refunds").id();
    return refund != null ? refund : charge.id();
  }
}
