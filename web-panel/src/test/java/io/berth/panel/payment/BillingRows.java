package io.berth.panel.payment;

import io.berth.persistence.account.Customer;
import io.berth.persistence.account.CustomerRepository;
import io.berth.persistence.billing.Subscription;
import io.berth.persistence.billing.SubscriptionRepository;
import io.berth.persistence.order.CustomerOrder;
import io.berth.persistence.order.OrderRepository;
import io.berth.persistence.plan.Plan;
import io.berth.persistence.plan.PlanRepository;
import io.berth.persistence.site.Site;
import io.berth.persistence.site.SiteRepository;
import io.berth.workflows.billing.PaymentMethod;
import io.berth.workflows.billing.SubscriptionStatus;
import io.berth.workflows.billing.SubscriptionWorkflow;
import io.berth.workflows.order.OrderStatus;
import io.berth.workflows.order.OrderWorkflow;
import io.berth.workflows.site.SiteStatus;
import java.time.Instant;

/**
 * Real rows for a Stripe order in the test database, as the panel writes them when a customer
 * orders a paid plan: customer, order awaiting payment, its site, and an INCOMPLETE subscription.
 */
final class BillingRows {

  /** One customer's Stripe order with its site and subscription. */
  record Billed(
      long customerId, long orderId, long siteId, long subscriptionId, String siteName, Plan plan) {

    String orderWorkflow() {
      return OrderWorkflow.workflowId(orderId);
    }

    String subscriptionWorkflow() {
      return SubscriptionWorkflow.workflowId(subscriptionId);
    }
  }

  private final CustomerRepository customers;
  private final PlanRepository plans;
  private final OrderRepository orders;
  private final SiteRepository sites;
  private final SubscriptionRepository subscriptions;

  BillingRows(
      CustomerRepository customers,
      PlanRepository plans,
      OrderRepository orders,
      SiteRepository sites,
      SubscriptionRepository subscriptions) {
    this.customers = customers;
    this.plans = plans;
    this.orders = orders;
    this.sites = sites;
    this.subscriptions = subscriptions;
  }

  /**
   * @param name unique: the site's name and the customer's e-mail's local part
   */
  Billed stripeOrder(String name) {
    Instant now = Instant.now();
    Plan plan = plan("starter");
    Customer customer =
        customers.save(
            Customer.create(name + "@example.test", "{noop}unused", Customer.ROLE_CUSTOMER, now));
    CustomerOrder order =
        orders.save(
            new CustomerOrder(
                null,
                customer.id(),
                plan.id(),
                name,
                "static",
                CustomerOrder.PAYMENT_STRIPE,
                OrderStatus.AWAITING_PAYMENT,
                null,
                null,
                now,
                now,
                null,
                null,
                null));
    Site site =
        sites.save(
            new Site(
                null,
                customer.id(),
                order.id(),
                name,
                "static",
                SiteStatus.PROVISIONING,
                null,
                null,
                null,
                now,
                now));
    Subscription subscription =
        subscriptions.save(
            Subscription.create(
                customer.id(),
                order.id(),
                plan.id(),
                PaymentMethod.STRIPE,
                SubscriptionStatus.INCOMPLETE,
                null,
                now));
    return new Billed(customer.id(), order.id(), site.id(), subscription.id(), name, plan);
  }

  Plan plan(String code) {
    return plans.findAllByOrderBySortOrder().stream()
        .filter(plan -> plan.code().equals(code))
        .findFirst()
        .orElseThrow();
  }
}
