package io.berth.panel.order;

import io.berth.panel.billing.PaymentOptions;
import io.berth.panel.common.ConflictException;
import io.berth.panel.common.CustomerLocks;
import io.berth.panel.common.FieldProblem;
import io.berth.panel.plan.Allowances;
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
import io.berth.workflows.order.OrderStatus;
import io.berth.workflows.site.SiteStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a new order, its first site and its subscription in one transaction, after checking, under
 * the customer's lock, that the customer may order it: one trial only, and the plan's limits on
 * sites and (for WordPress) databases. A paid plan is paid through Stripe when the platform has a
 * Stripe key, else by bank transfer; its subscription is INCOMPLETE until paid, a trial's is
 * TRIALING until the trial's days are over. The unique index on live site names has the last word
 * when two customers race for one name.
 */
@Component
class OrderBook {

  static final String TRIAL_USED =
      "You already have a free trial; choose Starter or Business for another site.";

  private final OrderRepository orders;
  private final SiteRepository sites;
  private final PlanRepository plans;
  private final Allowances allowances;
  private final SubscriptionRepository subscriptions;
  private final PaymentOptions payments;
  private final CustomerLocks locks;
  private final Clock clock;

  OrderBook(
      OrderRepository orders,
      SiteRepository sites,
      PlanRepository plans,
      SubscriptionRepository subscriptions,
      Allowances allowances,
      PaymentOptions payments,
      CustomerLocks locks,
      Clock clock) {
    this.orders = orders;
    this.sites = sites;
    this.plans = plans;
    this.subscriptions = subscriptions;
    this.allowances = allowances;
    this.payments = payments;
    this.locks = locks;
    this.clock = clock;
  }

  /**
   * A written order with its site and subscription, not yet started.
   *
   * @param periodEnd the trial's end; null for a paid plan until it is paid
   */
  record NewOrder(
      long orderId,
      long siteId,
      OrderStatus status,
      long subscriptionId,
      PaymentMethod gateway,
      SubscriptionStatus subscriptionStatus,
      Instant periodEnd) {}

  /**
   * Why the customer may not order this plan with a site of this app now, if they may not: a second
   * trial, or one site (or, for WordPress, one database) more than their plans allow.
   */
  Optional<FieldProblem> refusal(long customerId, Plan plan, String app) {
    if (plan.isFree() && hasTrial(customerId)) {
      return Optional.of(new FieldProblem("planId", TRIAL_USED));
    }
    return allowances
        .orderRefusal(customerId, plan, app)
        .map(r -> new FieldProblem(r.field(), r.reason()));
  }

  /**
   * @param title the WordPress site's title; null for other apps
   */
  @Transactional
  NewOrder create(long customerId, Plan plan, String siteName, String app, String title) {
    locks.lock(customerId);
    refusal(customerId, plan, app)
        .ifPresent(
            problem -> {
              throw new ConflictException(problem.field(), problem.message());
            });
    Instant now = clock.instant();
    OrderStatus status = plan.isFree() ? OrderStatus.PROVISIONING : OrderStatus.AWAITING_PAYMENT;
    PaymentMethod gateway = payments.gatewayFor(plan);
    CustomerOrder order =
        orders.save(
            new CustomerOrder(
                null,
                customerId,
                plan.id(),
                siteName,
                app,
                gateway.name(),
                status,
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
                customerId,
                order.id(),
                siteName,
                app,
                SiteStatus.PROVISIONING,
                null,
                null,
                null,
                now,
                now));
    if (title != null) {
      sites.updateTitle(site.id(), title);
    }
    SubscriptionStatus subscriptionStatus =
        plan.isFree() ? SubscriptionStatus.TRIALING : SubscriptionStatus.INCOMPLETE;
    Instant periodEnd =
        plan.isFree() && plan.trialDays() > 0 ? now.plus(Duration.ofDays(plan.trialDays())) : null;
    Subscription subscription =
        subscriptions.save(
            Subscription.create(
                customerId, order.id(), plan.id(), gateway, subscriptionStatus, periodEnd, now));
    return new NewOrder(
        order.id(), site.id(), status, subscription.id(), gateway, subscriptionStatus, periodEnd);
  }

  /** A trial that is waiting, being set up or live; failed and cancelled ones do not count. */
  private boolean hasTrial(long customerId) {
    Map<Long, Plan> byId =
        plans.findAll().stream().collect(Collectors.toMap(Plan::id, Function.identity()));
    return orders.findByCustomerIdOrderByIdDesc(customerId).stream()
        .filter(o -> o.status() != OrderStatus.FAILED && o.status() != OrderStatus.CANCELLED)
        .map(o -> byId.get(o.planId()))
        .anyMatch(p -> p != null && p.isFree());
  }
}
