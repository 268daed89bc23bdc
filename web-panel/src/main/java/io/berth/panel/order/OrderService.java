package io.berth.panel.order;

import io.berth.panel.billing.BillingPeriods;
import io.berth.panel.billing.BillingProperties;
import io.berth.panel.billing.SubscriptionWorkflows;
import io.berth.panel.common.Caller;
import io.berth.panel.common.ConflictException;
import io.berth.panel.common.FieldProblem;
import io.berth.panel.common.InvalidInputException;
import io.berth.panel.common.Labels;
import io.berth.panel.common.NotFoundException;
import io.berth.panel.common.ServiceUnavailableException;
import io.berth.panel.common.TemporalCalls;
import io.berth.panel.plan.PlanCatalog;
import io.berth.panel.plan.PlanFormat;
import io.berth.panel.site.AppCatalog;
import io.berth.panel.site.AppCatalog.App;
import io.berth.panel.site.SiteUrls;
import io.berth.persistence.billing.Subscription;
import io.berth.persistence.billing.SubscriptionRepository;
import io.berth.persistence.order.CustomerOrder;
import io.berth.persistence.order.OrderRepository;
import io.berth.persistence.plan.Plan;
import io.berth.persistence.site.Site;
import io.berth.persistence.site.SiteRepository;
import io.berth.workflows.billing.BillingEvent;
import io.berth.workflows.billing.BillingEventKind;
import io.berth.workflows.billing.SubscriptionRequest;
import io.berth.workflows.billing.SubscriptionStatus;
import io.berth.workflows.common.SiteNames;
import io.berth.workflows.order.OrderRequest;
import io.berth.workflows.order.OrderStatus;
import io.berth.workflows.order.OrderWorkflow;
import io.berth.workflows.progress.Step;
import io.berth.workflows.site.SiteStatus;
import io.berth.workflows.site.SiteWorkflow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * Orders: checkout (the order with its subscription, then both workflows), the order page, waiting
 * for the Stripe checkout page, cancellation and (for support) marking a bank transfer paid.
 */
@Service
public class OrderService {

  static final String START_FAILED_REASON =
      "The order could not start because the workflow service was unreachable. Nothing was"
          + " charged; please order again.";
  static final String START_FAILED =
      "Your order could not start because the workflow service is unreachable. Nothing was"
          + " charged; please try again in a moment.";

  /** The steps shown before a workflow has reported any: order steps around the site's. */
  static final List<String> DEFAULT_STEPS =
      Stream.of(
              Stream.of(OrderWorkflow.STEP_PAYMENT, OrderWorkflow.STEP_PLACEMENT),
              SiteWorkflow.STEPS.stream(),
              Stream.of(OrderWorkflow.STEP_DONE))
          .flatMap(Function.identity())
          .toList();

  /** As long as {@code site.title} allows. */
  public static final int TITLE_MAX_LENGTH = 200;

  private static final Logger log = LoggerFactory.getLogger(OrderService.class);
  private static final Duration CHECKOUT_POLL = Duration.ofMillis(250);

  private final PlanCatalog plans;
  private final OrderRepository orders;
  private final SiteRepository sites;
  private final SubscriptionRepository subscriptions;
  private final OrderBook book;
  private final OrderWorkflows workflows;
  private final SubscriptionWorkflows subscriptionWorkflows;
  private final ProgressSource progress;
  private final SiteUrls urls;
  private final BillingProperties billing;
  private final Clock clock;
  private final Duration checkoutWait;

  OrderService(
      PlanCatalog plans,
      OrderRepository orders,
      SiteRepository sites,
      SubscriptionRepository subscriptions,
      OrderBook book,
      OrderWorkflows workflows,
      SubscriptionWorkflows subscriptionWorkflows,
      ProgressSource progress,
      SiteUrls urls,
      BillingProperties billing,
      Clock clock,
      @Value("${berth.panel.checkout-wait:10s}") Duration checkoutWait) {
    this.plans = plans;
    this.orders = orders;
    this.sites = sites;
    this.subscriptions = subscriptions;
    this.book = book;
    this.workflows = workflows;
    this.subscriptionWorkflows = subscriptionWorkflows;
    this.progress = progress;
    this.urls = urls;
    this.billing = billing;
    this.clock = clock;
    this.checkoutWait = checkoutWait;
  }

  /** What is wrong with a site name (format, or taken); empty if it can be ordered now. */
  public Optional<String> siteNameProblem(String name) {
    Optional<String> problem = SiteNames.problem(name);
    if (problem.isEmpty() && sites.isNameTaken(name)) {
      return Optional.of(nameTaken(name));
    }
    return problem;
  }

  /** What is wrong with a WordPress site's title; empty if it will do. */
  public static Optional<String> titleProblem(String title) {
    if (title == null || title.isBlank()) {
      return Optional.of("Give your site a title; you can change it in WordPress later.");
    }
    if (title.strip().length() > TITLE_MAX_LENGTH) {
      return Optional.of("A site title has at most " + TITLE_MAX_LENGTH + " characters.");
    }
    if (title.chars().anyMatch(Character::isISOControl)) {
      return Optional.of("A site title is one line, without control characters.");
    }
    return Optional.empty();
  }

  /**
   * Why the caller may not order this plan with a site of this app now (a second trial, more sites
   * or databases than their plans allow), shown before they order; empty if they may.
   */
  public Optional<FieldProblem> checkoutProblem(Caller caller, long planId, String app) {
    return plans.find(planId).flatMap(plan -> book.refusal(caller.customerId(), plan, app));
  }

  /**
   * Checks the order, stores it with its site and subscription, then starts {@code
   * subscription-<id>} and {@code order-<id>}. Free plans start setting up at once; paid ones wait
   * for the card payment on Stripe's checkout page or for the bank transfer.
   *
   * @param title the site title, required for WordPress and ignored for other apps
   */
  public PlacedOrder placeOrder(
      Caller caller, Long planId, String siteName, String app, String title) {
    Plan plan = planId == null ? null : plans.find(planId).orElse(null);
    List<FieldProblem> problems = new ArrayList<>();
    if (plan == null) {
      problems.add(new FieldProblem("planId", "Choose one of the plans on offer."));
    }
    SiteNames.problem(siteName).ifPresent(p -> problems.add(new FieldProblem("siteName", p)));
    Optional<App> chosen = AppCatalog.find(app);
    if (chosen.isEmpty()) {
      problems.add(new FieldProblem("app", "Choose an app: " + AppCatalog.ids() + "."));
    }
    boolean titled = chosen.map(a -> a == AppCatalog.WORDPRESS).orElse(false);
    if (titled) {
      titleProblem(title).ifPresent(p -> problems.add(new FieldProblem("title", p)));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    if (sites.isNameTaken(siteName)) {
      throw new ConflictException("siteName", nameTaken(siteName));
    }
    OrderBook.NewOrder created;
    try {
      created =
          book.create(caller.customerId(), plan, siteName, app, titled ? title.strip() : null);
    } catch (DataIntegrityViolationException e) {
      if (String.valueOf(e.getMessage()).contains("site_name_live_uq")) {
        throw new ConflictException("siteName", nameTaken(siteName));
      }
      throw e;
    }
    start(caller, plan, siteName, app, created);
    return new PlacedOrder(
        created.orderId(),
        created.status(),
        created.siteId(),
        created.gateway(),
        created.subscriptionId());
  }

  /**
   * Starts the subscription's workflow, then the order's. If either cannot start, the order and its
   * site fail as before, the subscription ends there, and a subscription workflow that did start is
   * ended: it has nothing to undo.
   */
  private void start(
      Caller caller, Plan plan, String siteName, String app, OrderBook.NewOrder created) {
    SubscriptionRequest subscription =
        new SubscriptionRequest(
            created.subscriptionId(),
            caller.customerId(),
            created.orderId(),
            created.gateway(),
            created.subscriptionStatus(),
            created.periodEnd() == null ? null : created.periodEnd().toEpochMilli(),
            null,
            false,
            0,
            List.of(),
            billing.policy());
    OrderRequest request =
        new OrderRequest(
            created.orderId(),
            caller.customerId(),
            created.siteId(),
            siteName,
            app,
            !plan.isFree(),
            plan.limits(),
            created.gateway(),
            created.subscriptionId());
    boolean subscriptionStarted = false;
    try {
      subscriptionWorkflows.start(subscription);
      subscriptionStarted = true;
      workflows.start(request);
    } catch (RuntimeException e) {
      log.warn("Order {} could not start its workflows: {}", created.orderId(), e.toString());
      orders.updateStatus(created.orderId(), OrderStatus.FAILED, START_FAILED_REASON);
      sites.updateStatus(created.siteId(), SiteStatus.FAILED, START_FAILED_REASON);
      endSubscription(created.subscriptionId(), subscriptionStarted);
      throw new ServiceUnavailableException(START_FAILED, e);
    }
  }

  /** Ends the subscription of an order that never started: nothing was served, nothing is due. */
  private void endSubscription(long subscriptionId, boolean workflowStarted) {
    subscriptions.recordState(
        subscriptionId, SubscriptionStatus.TERMINATED, null, clock.instant(), null, false);
    if (!workflowStarted) {
      return;
    }
    try {
      subscriptionWorkflows.abandon(subscriptionId, "its order could not start");
    } catch (RuntimeException e) {
      log.warn("Subscription {} could not be ended: {}", subscriptionId, e.toString());
    }
  }

  /**
   * Waits a little for the Stripe checkout page of a just placed order, which its workflow makes
   * first; empty if it is not there in time (the order page offers it once it is).
   */
  Optional<String> awaitCheckoutUrl(Caller caller, long orderId) {
    Instant deadline = clock.instant().plus(checkoutWait);
    CustomerOrder order = visible(caller, orderId);
    while (order.checkoutUrl() == null && clock.instant().isBefore(deadline)) {
      try {
        Thread.sleep(CHECKOUT_POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
      order = orders.findById(orderId).orElseThrow(() -> notFound(orderId));
    }
    return Optional.ofNullable(order.checkoutUrl());
  }

  /** The caller's orders, newest first. */
  List<OrderSummary> ordersOf(Caller caller) {
    Map<Long, Plan> planById = planById();
    Map<Long, Site> siteByOrder =
        sites.findByCustomerIdOrderById(caller.customerId()).stream()
            .collect(Collectors.toMap(Site::orderId, Function.identity(), (a, b) -> a));
    return orders.findByCustomerIdOrderByIdDesc(caller.customerId()).stream()
        .map(o -> summary(o, planById.get(o.planId()), siteByOrder.get(o.id())))
        .toList();
  }

  /** The order page's content; another customer's order is "not found". */
  public OrderDetails details(Caller caller, long orderId) {
    return details(visible(caller, orderId));
  }

  /** A fresh snapshot for the live page, whose access was checked when it opened. */
  OrderDetails snapshot(long orderId) {
    return details(orders.findById(orderId).orElseThrow(() -> notFound(orderId)));
  }

  /** Stops an order that is awaiting payment or being set up; its workflow cleans up. */
  public void cancel(Caller caller, long orderId) {
    CustomerOrder order = visible(caller, orderId);
    if (!order.status().isOpen()) {
      throw new ConflictException(
          "Order #"
              + orderId
              + " is "
              + Labels.order(order.status())
              + "; it can no longer be"
              + " cancelled.");
    }
    if (!workflows.cancel(orderId)) {
      // No workflow ever ran for it: nothing to undo, only the records to close.
      orders.updateStatus(orderId, OrderStatus.CANCELLED, "Cancelled before the site went live");
      sites
          .findByOrderId(orderId)
          .ifPresent(site -> sites.updateStatus(site.id(), SiteStatus.CANCELLED, null));
      subscriptions.findByOrderId(orderId).ifPresent(this::endUnpaid);
    }
  }

  /** Tells the subscription of an order cancelled before it ran that it ended unpaid. */
  private void endUnpaid(Subscription subscription) {
    BillingEvent ended =
        new BillingEvent(
            "order-" + subscription.orderId() + ":cancelled",
            BillingEventKind.ENDED,
            clock.millis(),
            null,
            null,
            0,
            null);
    if (!subscriptionWorkflows.billingEvent(subscription.id(), ended)) {
      subscriptions.recordState(
          subscription.id(), SubscriptionStatus.TERMINATED, null, clock.instant(), null, false);
    }
  }

  /**
   * Support confirms a bank transfer arrived: the order's workflow goes on to set up the site, and
   * its subscription is paid up for one period of the plan from now.
   */
  public void markPaid(Caller caller, long orderId) {
    if (!caller.support()) {
      throw notFound(orderId);
    }
    CustomerOrder order = orders.findById(orderId).orElseThrow(() -> notFound(orderId));
    if (CustomerOrder.PAYMENT_STRIPE.equals(order.paymentMethod())) {
      throw new ConflictException(
          "Order #" + orderId + " is paid by card through Stripe, which confirms its payment.");
    }
    if (order.paymentRef() != null) {
      throw new ConflictException(
          "Order #" + orderId + " was already marked paid (" + order.paymentRef() + ").");
    }
    if (order.status() != OrderStatus.AWAITING_PAYMENT) {
      throw new ConflictException(
          "Order #" + orderId + " is " + Labels.order(order.status()) + ", not awaiting payment.");
    }
    String reference = "bank-transfer:" + caller.email();
    if (!workflows.paymentReceived(orderId, reference)) {
      throw new ConflictException(
          "Order #"
              + orderId
              + " has no running workflow to receive the payment; look it up in"
              + " the Temporal UI.");
    }
    subscriptions.findByOrderId(orderId).ifPresent(s -> subscriptionPaid(s, order));
    orders.recordPayment(orderId, reference);
  }

  /** The subscription of a transfer-paid order: paid up for one period of its plan from now. */
  private void subscriptionPaid(Subscription subscription, CustomerOrder order) {
    Plan plan = plans.find(subscription.planId()).orElseThrow();
    Instant now = clock.instant();
    BillingEvent paid =
        new BillingEvent(
            "order-" + order.id() + ":paid",
            BillingEventKind.PAID,
            now.toEpochMilli(),
            "order-" + order.id(),
            BillingPeriods.after(now, plan).toEpochMilli(),
            plan.priceCents(),
            plan.currency());
    if (!subscriptionWorkflows.billingEvent(subscription.id(), paid)) {
      log.warn(
          "Order {} was paid but subscription {} has no running workflow",
          order.id(),
          subscription.id());
    }
  }

  private OrderDetails details(CustomerOrder order) {
    Plan plan = plans.find(order.planId()).orElse(null);
    Site site = sites.findByOrderId(order.id()).orElse(null);
    Long subscriptionId =
        subscriptions.findByOrderId(order.id()).map(Subscription::id).orElse(null);
    long siteId = site == null ? 0 : site.id();
    List<Step> steps;
    boolean available = true;
    try {
      steps = progress.order(order.id(), siteId).steps();
    } catch (ServiceUnavailableException e) {
      steps = pendingSteps();
      available = false;
    } catch (RuntimeException e) {
      if (!TemporalCalls.isUnreachable(e)) {
        log.warn("Could not read the progress of order {}: {}", order.id(), e.toString());
      }
      steps = pendingSteps();
      available = false;
    }
    return new OrderDetails(
        order.id(),
        order.customerId(),
        order.status(),
        plan == null ? "Plan " + order.planId() : plan.name(),
        plan == null || plan.isFree() ? null : PlanFormat.money(plan.priceCents(), plan.currency()),
        order.paymentMethod(),
        order.paymentRef(),
        siteId,
        order.siteName(),
        order.app(),
        urls.url(order.siteName()),
        order.failureReason(),
        order.createdAt(),
        steps,
        available,
        order.checkoutUrl(),
        subscriptionId);
  }

  private static List<Step> pendingSteps() {
    return DEFAULT_STEPS.stream().map(Step::pending).toList();
  }

  private CustomerOrder visible(Caller caller, long orderId) {
    return orders
        .findById(orderId)
        .filter(order -> caller.canSee(order.customerId()))
        .orElseThrow(() -> notFound(orderId));
  }

  private Map<Long, Plan> planById() {
    return plans.plans().stream().collect(Collectors.toMap(Plan::id, Function.identity()));
  }

  private static OrderSummary summary(CustomerOrder order, Plan plan, Site site) {
    return new OrderSummary(
        order.id(),
        order.status(),
        order.planId(),
        plan == null ? "Plan " + order.planId() : plan.name(),
        site == null ? null : site.id(),
        order.siteName(),
        order.createdAt());
  }

  private static NotFoundException notFound(long orderId) {
    return new NotFoundException("order", orderId);
  }

  static String nameTaken(String name) {
    return "\"" + name + "\" is already taken; choose another name.";
  }
}
