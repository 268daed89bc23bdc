package io.berth.activities.billing;

import io.berth.activities.common.PermanentException;
import io.berth.persistence.account.Customer;
import io.berth.persistence.account.CustomerRepository;
import io.berth.persistence.billing.Subscription;
import io.berth.persistence.billing.SubscriptionRepository;
import io.berth.persistence.order.CustomerOrder;
import io.berth.persistence.order.OrderRepository;
import io.berth.persistence.plan.Plan;
import io.berth.persistence.plan.PlanRepository;
import io.berth.workflows.billing.CheckoutLink;
import io.berth.workflows.billing.PaymentActivities;
import io.berth.workflows.billing.PaymentMethod;
import io.berth.workflows.common.FailureType;
import io.berth.workflows.common.PlanLimits;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The subscription's payment gateway, on {@code berth-control}: Stripe through {@link
 * PaymentGateway}, a bank transfer through rows support works from, nothing for a trial. Each call
 * stores its outcome on the order or subscription row and looks there first, so a retry converges:
 * one checkout page per order, one refund, one plan change per idempotency key.
 */
public class PaymentActivitiesImpl implements PaymentActivities {

  /** What a bank-transfer order's refund is recorded as, for support to pay back by hand. */
  static final String MANUAL_REFUND = "manual: refund due";

  private static final Logger log = LoggerFactory.getLogger(PaymentActivitiesImpl.class);

  private final PaymentGateway gateway;
  private final OrderRepository orders;
  private final SubscriptionRepository subscriptions;
  private final CustomerRepository customers;
  private final PlanRepository plans;
  private final PanelLinks panel;
  private final JdbcClient jdbc;

  public PaymentActivitiesImpl(
      PaymentGateway gateway,
      OrderRepository orders,
      SubscriptionRepository subscriptions,
      CustomerRepository customers,
      PlanRepository plans,
      PanelLinks panel,
      JdbcClient jdbc) {
    this.gateway = gateway;
    this.orders = orders;
    this.subscriptions = subscriptions;
    this.customers = customers;
    this.plans = plans;
    this.panel = panel;
    this.jdbc = jdbc;
  }

  @Override
  public CheckoutLink createCheckout(long orderId) {
    CustomerOrder order = order(orderId);
    if (order.checkoutSessionId() != null) {
      return new CheckoutLink(order.checkoutSessionId(), order.checkoutUrl());
    }
    Subscription subscription =
        subscriptions
            .findByOrderId(orderId)
            .orElseThrow(
                () ->
                    new PermanentException(
                        FailureType.NOT_FOUND, "Order " + orderId + " has no subscription"));
    Plan plan = plan(order.planId());
    CheckoutLink link =
        gateway.createCheckout(
            new CheckoutRequest(
                orderId,
                subscription.id(),
                stripeCustomer(order.customerId()),
                priceOf(plan),
                panel.orderPaid(orderId),
                panel.order(orderId)));
    if (orders.recordCheckout(orderId, link.sessionId(), link.url()) == 0) {
      CustomerOrder stored = order(orderId);
      return new CheckoutLink(stored.checkoutSessionId(), stored.checkoutUrl());
    }
    return link;
  }

  /** The customer's Stripe customer, created (key {@code customer-<id>}) and linked once. */
  private String stripeCustomer(long customerId) {
    Customer customer = customer(customerId);
    if (customer.stripeCustomerId() != null) {
      return customer.stripeCustomerId();
    }
    String created = gateway.createCustomer(customerId, customer.email());
    if (customers.linkStripe(customerId, created) == 0) {
      return customer(customerId).stripeCustomerId();
    }
    return created;
  }

  @Override
  public void refundOrder(long orderId) {
    CustomerOrder order = order(orderId);
    if (order.refundRef() != null) {
      return;
    }
    switch (order.paymentMethod()) {
      case CustomerOrder.PAYMENT_STRIPE -> refundStripe(order);
      case CustomerOrder.PAYMENT_BANK_TRANSFER -> {
        orders.recordRefund(orderId, MANUAL_REFUND);
        log.info("Order {} was paid by bank transfer: its refund is due from support", orderId);
      }
      default -> log.info("Order {} was not paid: nothing to refund", orderId);
    }
  }

  /**
   * Refunds the checkout's payment ({@code order-<id>:refund}), ends the Stripe subscription
   * ({@code order-<id>:cancel}), then stores the refund: a retry after a crash repeats the same
   * requests, which Stripe answers as the first time.
   */
  private void refundStripe(CustomerOrder order) {
    long orderId = order.id();
    if (order.checkoutSessionId() == null) {
      log.info("Order {} never had a checkout page: nothing to refund", orderId);
      return;
    }
    CheckoutSession session = gateway.checkout(order.checkoutSessionId());
    Optional<String> refund = gateway.refundCheckout(session, "order-" + orderId + ":refund");
    String stripeSubscription =
        session.subscriptionId() != null
            ? session.subscriptionId()
            : subscriptions
                .findByOrderId(orderId)
                .map(Subscription::stripeSubscriptionId)
                .orElse(null);
    if (stripeSubscription != null) {
      gateway.cancelSubscription(stripeSubscription, "order-" + orderId + ":cancel");
    }
    refund.ifPresentOrElse(
        id -> orders.recordRefund(orderId, id),
        () -> log.info("Order {}'s checkout charged nothing: nothing to refund", orderId));
  }

  @Override
  public PlanLimits changePlan(long subscriptionId, long planId, String idempotencyKey) {
    Subscription subscription = subscription(subscriptionId);
    Plan plan = plan(planId);
    if (subscription.gateway() == PaymentMethod.STRIPE) {
      gateway.changePrice(stripeSubscription(subscription), priceOf(plan), idempotencyKey);
    }
    subscriptions.changePlan(subscriptionId, planId);
    return plan.limits();
  }

  /**
   * Sets only the row's flag (the other columns are the workflow's, written by {@code
   * recordState}), unless the subscription was terminated.
   */
  @Override
  public void cancelAtPeriodEnd(long subscriptionId, boolean cancel, String idempotencyKey) {
    Subscription subscription = subscription(subscriptionId);
    if (subscription.gateway() == PaymentMethod.STRIPE) {
      gateway.setCancelAtPeriodEnd(stripeSubscription(subscription), cancel, idempotencyKey);
    }
    jdbc.sql(
            """
            UPDATE subscription SET cancel_at_period_end = :cancel, updated_at = now()
             WHERE id = :id AND status <> 'TERMINATED'
            """)
        .param("cancel", cancel)
        .param("id", subscriptionId)
        .update();
  }

  @Override
  public String billingPortalUrl(long subscriptionId, String returnUrl) {
    Subscription subscription = subscription(subscriptionId);
    Customer customer = customer(subscription.customerId());
    if (customer.stripeCustomerId() == null) {
      throw new PermanentException(
          FailureType.INVALID_INPUT,
          "There is no card payment to manage: this subscription is not paid through Stripe");
    }
    String back = returnUrl != null && !returnUrl.isBlank() ? returnUrl : panel.billing();
    return gateway.portalUrl(customer.stripeCustomerId(), back);
  }

  /**
   * The Stripe subscription of a row: linked by the webhook, or else read from the order's
   * completed checkout and linked here.
   */
  private String stripeSubscription(Subscription subscription) {
    if (subscription.stripeSubscriptionId() != null) {
      return subscription.stripeSubscriptionId();
    }
    CustomerOrder order = order(subscription.orderId());
    String fromCheckout =
        order.checkoutSessionId() != null
            ? gateway.checkout(order.checkoutSessionId()).subscriptionId()
            : null;
    if (fromCheckout == null) {
      throw new PermanentException(
          FailureType.INVALID_INPUT,
          "Subscription "
              + subscription.id()
              + " has not been paid through Stripe yet: finish the checkout first");
    }
    subscriptions.linkStripe(subscription.id(), fromCheckout);
    return subscription(subscription.id()).stripeSubscriptionId();
  }

  private static String priceOf(Plan plan) {
    if (plan.stripePriceId() == null || plan.stripePriceId().isBlank()) {
      throw new PermanentException(
          FailureType.INVALID_INPUT,
          "The " + plan.name() + " plan has no Stripe price: it cannot be paid by card");
    }
    return plan.stripePriceId();
  }

  private CustomerOrder order(long id) {
    return orders
        .findById(id)
        .orElseThrow(
            () -> new PermanentException(FailureType.NOT_FOUND, "Order " + id + " does not exist"));
  }

  private Subscription subscription(long id) {
    return subscriptions
        .findById(id)
        .orElseThrow(
            () ->
                new PermanentException(
                    FailureType.NOT_FOUND, "Subscription " + id + " does not exist"));
  }

  private Customer customer(long id) {
    return customers
        .findById(id)
        .orElseThrow(
            () ->
                new PermanentException(
                    FailureType.NOT_FOUND, "Customer " + id + " does not exist"));
  }

  private Plan plan(long id) {
    return plans
        .findById(id)
        .orElseThrow(
            () -> new PermanentException(FailureType.NOT_FOUND, "Plan " + id + " does not exist"));
  }
}
