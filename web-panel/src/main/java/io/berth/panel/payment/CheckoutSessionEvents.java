package io.berth.panel.payment;

import io.berth.persistence.account.CustomerRepository;
import io.berth.persistence.billing.Subscription;
import io.berth.persistence.billing.SubscriptionRepository;
import io.berth.persistence.order.CustomerOrder;
import io.berth.persistence.order.OrderRepository;
import io.berth.persistence.site.SiteRepository;
import io.berth.workflows.billing.BillingEvent;
import io.berth.workflows.billing.BillingEventKind;
import io.berth.workflows.order.OrderStatus;
import io.berth.workflows.site.SiteStatus;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checkout Sessions: a paid one starts the order's provisioning and activates its subscription; one
 * that expired or whose delayed payment failed cancels the order still waiting for it.
 */
@Component
class CheckoutSessionEvents implements StripeEventHandler {

  static final String COMPLETED = "checkout.session.completed";
  static final String ASYNC_PAYMENT_SUCCEEDED = "checkout.session.async_payment_succeeded";
  static final String ASYNC_PAYMENT_FAILED = "checkout.session.async_payment_failed";
  static final String EXPIRED = "checkout.session.expired";

  static final String NOT_COMPLETED = "Payment was not completed";

  private static final Logger log = LoggerFactory.getLogger(CheckoutSessionEvents.class);

  private final OrderRepository orders;
  private final SiteRepository sites;
  private final CustomerRepository customers;
  private final SubscriptionRepository subscriptions;
  private final SubscriptionLookup lookup;
  private final PaymentSignals signals;

  CheckoutSessionEvents(
      OrderRepository orders,
      SiteRepository sites,
      CustomerRepository customers,
      SubscriptionRepository subscriptions,
      SubscriptionLookup lookup,
      PaymentSignals signals) {
    this.orders = orders;
    this.sites = sites;
    this.customers = customers;
    this.subscriptions = subscriptions;
    this.lookup = lookup;
    this.signals = signals;
  }

  @Override
  public Set<String> types() {
    return Set.of(COMPLETED, ASYNC_PAYMENT_SUCCEEDED, ASYNC_PAYMENT_FAILED, EXPIRED);
  }

  @Override
  public Outcome handle(StripeEvent event) {
    StripeCheckoutSession session = StripeCheckoutSession.from(event.object());
    Optional<CustomerOrder> order =
        Optional.ofNullable(session.orderId()).flatMap(orders::findById);
    if (order.isEmpty()) {
      return Outcome.NOT_MAPPED;
    }
    return switch (event.type()) {
      case COMPLETED -> session.paid() ? paid(event, session, order.get()) : Outcome.RECORDED;
      case ASYNC_PAYMENT_SUCCEEDED -> paid(event, session, order.get());
      default -> notCompleted(event, order.get());
    };
  }

  private Outcome paid(StripeEvent event, StripeCheckoutSession session, CustomerOrder order) {
    if (order.status() == OrderStatus.CANCELLED || order.status() == OrderStatus.FAILED) {
      log.warn(
          "Order #{} was paid through checkout session {} but is {}: refund it in Stripe",
          order.id(),
          session.id(),
          order.status());
    }
    orders.recordPayment(order.id(), session.id());
    if (session.customer() != null) {
      customers.linkStripe(order.customerId(), session.customer());
    }
    Optional<Subscription> subscription =
        lookup.forOrder(order.id(), session.berthSubscriptionId());
    if (subscription.isPresent() && session.subscription() != null) {
      subscriptions.linkStripe(subscription.get().id(), session.subscription());
    }
    signals.paymentReceived(order.id(), session.id());
    subscription.ifPresent(
        paidUp ->
            signals.billingEvent(
                paidUp.id(),
                new BillingEvent(
                    event.id(),
                    BillingEventKind.PAID,
                    event.occurredAtMillis(),
                    session.invoiceRef(),
                    session.periodEnd() != null ? session.periodEnd().toEpochMilli() : null,
                    session.amountTotal(),
                    session.currency())));
    return Outcome.APPLIED;
  }

  /**
   * Cancels the order as a customer's cancellation does: its workflow undoes what it started; an
   * order whose workflow never ran is closed here, and its subscription told it was never paid.
   */
  private Outcome notCompleted(StripeEvent event, CustomerOrder order) {
    if (order.status() != OrderStatus.AWAITING_PAYMENT || order.paymentRef() != null) {
      return Outcome.RECORDED;
    }
    if (!signals.cancelOrder(order.id(), NOT_COMPLETED)) {
      orders.updateStatus(order.id(), OrderStatus.CANCELLED, NOT_COMPLETED);
      sites
          .findByOrderId(order.id())
          .ifPresent(site -> sites.updateStatus(site.id(), SiteStatus.CANCELLED, null));
      subscriptions
          .findByOrderId(order.id())
          .ifPresent(
              unpaid ->
                  signals.billingEvent(
                      unpaid.id(),
                      new BillingEvent(
                          event.id(),
                          BillingEventKind.ENDED,
                          event.occurredAtMillis(),
                          null,
                          null,
                          0,
                          null)));
    }
    return Outcome.APPLIED;
  }
}
