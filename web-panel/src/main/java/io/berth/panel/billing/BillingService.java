package io.berth.panel.billing;

import io.berth.panel.common.Caller;
import io.berth.panel.common.ConflictException;
import io.berth.panel.common.InvalidInputException;
import io.berth.panel.common.NotFoundException;
import io.berth.panel.plan.Allowances;
import io.berth.panel.plan.PlanCatalog;
import io.berth.panel.plan.PlanFormat;
import io.berth.persistence.billing.Invoice;
import io.berth.persistence.billing.InvoiceRepository;
import io.berth.persistence.billing.Subscription;
import io.berth.persistence.billing.SubscriptionRepository;
import io.berth.persistence.order.CustomerOrder;
import io.berth.persistence.order.OrderRepository;
import io.berth.persistence.plan.Plan;
import io.berth.workflows.billing.BillingEvent;
import io.berth.workflows.billing.BillingEventKind;
import io.berth.workflows.billing.PaymentMethod;
import io.berth.workflows.billing.SubscriptionStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Billing: a customer's subscriptions and invoices, changing plan (a downgrade is refused, before
 * the workflow is asked, while the customer holds more than the smaller plan allows), cancelling at
 * period end and withdrawing that, Stripe's customer portal; for support, marking a bank-transfer
 * invoice paid. Every change goes through the subscription's workflow; another customer's
 * subscription is "not found".
 */
@Service
public class BillingService {

  private final SubscriptionRepository subscriptions;
  private final InvoiceRepository invoices;
  private final OrderRepository orders;
  private final PlanCatalog plans;
  private final Allowances allowances;
  private final SubscriptionWorkflows workflows;
  private final PanelAddress panel;
  private final Clock clock;

  BillingService(
      SubscriptionRepository subscriptions,
      InvoiceRepository invoices,
      OrderRepository orders,
      PlanCatalog plans,
      Allowances allowances,
      SubscriptionWorkflows workflows,
      PanelAddress panel,
      Clock clock) {
    this.subscriptions = subscriptions;
    this.invoices = invoices;
    this.orders = orders;
    this.plans = plans;
    this.allowances = allowances;
    this.workflows = workflows;
    this.panel = panel;
    this.clock = clock;
  }

  /** A banner every page shows while a subscription is overdue or suspended. */
  public record BillingAlert(SubscriptionStatus status, String message) {}

  /** The caller's subscriptions, oldest first. */
  public List<SubscriptionSummary> subscriptions(Caller caller) {
    Map<Long, Plan> byId = planById();
    return subscriptions.findByCustomerIdOrderById(caller.customerId()).stream()
        .map(s -> summary(s, byId.get(s.planId())))
        .toList();
  }

  public SubscriptionSummary subscription(Caller caller, long subscriptionId) {
    Subscription subscription = visible(caller, subscriptionId);
    return summary(subscription, plans.find(subscription.planId()).orElse(null));
  }

  /** The caller's invoices, newest first. */
  public List<InvoiceSummary> invoices(Caller caller) {
    return invoices.findByCustomerIdOrderByIdDesc(caller.customerId()).stream()
        .map(BillingService::summary)
        .toList();
  }

  /** The paid plans the subscription could move to: every paid plan but its own. */
  public List<Plan> otherPlans(Caller caller, long subscriptionId) {
    Subscription subscription = visible(caller, subscriptionId);
    return plans.plans().stream()
        .filter(p -> !p.isFree() && !p.id().equals(subscription.planId()))
        .toList();
  }

  /**
   * Moves the subscription to another paid plan through its workflow (Stripe prorates; the running
   * containers get the new limits). Refused first, with what to fix, for an unknown or free plan,
   * the same plan, a subscription that cannot change now, and a downgrade below what the customer
   * holds.
   */
  public SubscriptionSummary changePlan(Caller caller, long subscriptionId, Long planId) {
    SubscriptionSummary current = subscription(caller, subscriptionId);
    Plan target = planId == null ? null : plans.find(planId).orElse(null);
    if (target == null) {
      throw InvalidInputException.of("planId", "Choose one of the plans on offer.");
    }
    if (target.isFree()) {
      throw InvalidInputException.of(
          "planId", "Choose a paid plan; the free trial is for new customers only.");
    }
    if (target.id() == current.planId()) {
      throw new ConflictException("planId", "You are on the " + target.name() + " plan already.");
    }
    if (!current.planChangeable()) {
      throw new ConflictException(notChangeable(current));
    }
    allowances
        .planChangeRefusal(caller.customerId(), current.orderId(), target)
        .ifPresent(
            refusal -> {
              throw new ConflictException("planId", refusal);
            });
    return onPlan(current, target).with(workflows.changePlan(subscriptionId, target.id()));
  }

  /** Ends the subscription when its paid period (or trial) ends; nothing changes before. */
  public SubscriptionSummary cancelAtPeriodEnd(Caller caller, long subscriptionId) {
    SubscriptionSummary current = subscription(caller, subscriptionId);
    if (current.reactivatable()) {
      throw new ConflictException(
          "Your "
              + current.planName()
              + " plan already ends on "
              + BillingFormat.day(current.periodEnd())
              + "; \"Keep my plan\" withdraws that.");
    }
    if (!current.cancellable()) {
      throw new ConflictException(
          "Your "
              + current.planName()
              + " plan "
              + standing(current)
              + "; there is nothing to cancel.");
    }
    return current.with(workflows.cancelAtPeriodEnd(subscriptionId, true));
  }

  /** Withdraws a cancellation at period end before the period is over. */
  public SubscriptionSummary reactivate(Caller caller, long subscriptionId) {
    SubscriptionSummary current = subscription(caller, subscriptionId);
    if (!current.reactivatable()) {
      throw new ConflictException(
          "Your "
              + current.planName()
              + " plan is not set to end, so there is no cancellation to withdraw.");
    }
    return current.with(workflows.cancelAtPeriodEnd(subscriptionId, false));
  }

  /** A one-time link to Stripe's customer portal (card, invoices) that returns to Billing. */
  public String portalUrl(Caller caller, long subscriptionId) {
    SubscriptionSummary current = subscription(caller, subscriptionId);
    if (!current.paidByCard()) {
      throw new ConflictException(
          current.gateway() == PaymentMethod.NONE
              ? "A free trial has no payment method to manage."
              : "This subscription is paid by bank transfer, so there is no card to manage; the"
                  + " transfer details are with each open invoice.");
    }
    if (current.status() == SubscriptionStatus.TERMINATED) {
      throw new ConflictException("This subscription has ended; there is nothing to manage.");
    }
    return workflows.billingPortalUrl(subscriptionId, panel.billingPage());
  }

  /**
   * Why the caller's pages show a billing banner, if they do: a suspension, or a failed payment.
   */
  public Optional<BillingAlert> alert(long customerId) {
    List<Subscription> mine = subscriptions.findByCustomerIdOrderById(customerId);
    Optional<Subscription> suspended =
        mine.stream().filter(s -> s.status() == SubscriptionStatus.SUSPENDED).findFirst();
    if (suspended.isPresent()) {
      return Optional.of(
          new BillingAlert(
              SubscriptionStatus.SUSPENDED,
              "Your sites are suspended because a payment is overdue — pay the open invoice to"
                  + " resume them at once; everything is removed on "
                  + BillingFormat.day(suspended.get().nextStepAt())
                  + "."));
    }
    return mine.stream()
        .filter(s -> s.status() == SubscriptionStatus.PAST_DUE)
        .min(Comparator.comparing(s -> s.nextStepAt() == null ? Instant.MAX : s.nextStepAt()))
        .map(
            overdue ->
                new BillingAlert(
                    SubscriptionStatus.PAST_DUE,
                    "Your payment failed — update your card or pay the open invoice by "
                        + BillingFormat.day(overdue.nextStepAt())
                        + " to avoid suspension."));
  }

  /**
   * Support confirms a bank transfer paid a renewal invoice Berth opened: the subscription is paid
   * up for one more period of its plan (resuming it if suspended), then the invoice is marked paid.
   *
   * @return the payment reference stored on the invoice
   */
  public String markInvoicePaid(Caller caller, long invoiceId) {
    if (!caller.support()) {
      throw new NotFoundException("invoice", invoiceId);
    }
    Invoice invoice =
        invoices.findById(invoiceId).orElseThrow(() -> new NotFoundException("invoice", invoiceId));
    if (invoice.stripeInvoiceId() != null) {
      throw new ConflictException(
          "Invoice "
              + invoice.ref()
              + " is collected by Stripe, which confirms its payment; it cannot be marked paid"
              + " here.");
    }
    if (!Invoice.OPEN.equals(invoice.status())) {
      throw new ConflictException(
          "Invoice "
              + invoice.ref()
              + " is "
              + BillingFormat.invoiceStatus(invoice.status()).toLowerCase(Locale.ROOT)
              + ", not open.");
    }
    Subscription subscription = subscriptions.findById(invoice.subscriptionId()).orElseThrow();
    Plan plan = plans.find(subscription.planId()).orElseThrow();
    Instant now = clock.instant();
    Instant from = subscription.currentPeriodEnd() != null ? subscription.currentPeriodEnd() : now;
    BillingEvent paid =
        new BillingEvent(
            "invoice-" + invoiceId + ":paid",
            BillingEventKind.PAID,
            now.toEpochMilli(),
            invoice.ref(),
            BillingPeriods.after(from, plan).toEpochMilli(),
            invoice.amountCents(),
            invoice.currency());
    if (!workflows.billingEvent(subscription.id(), paid)) {
      throw new ConflictException(
          "Subscription "
              + subscription.id()
              + " has no running workflow to receive the payment; look it up in the Temporal UI.");
    }
    String reference = "bank-transfer:" + caller.email();
    invoices.markPaid(invoiceId, reference);
    return reference;
  }

  private static String notChangeable(SubscriptionSummary current) {
    if (current.gateway() == PaymentMethod.NONE) {
      return "A free trial cannot change plan; order a paid plan for your next site instead.";
    }
    return "Your "
        + current.planName()
        + " plan "
        + standing(current)
        + ", so it cannot change plan now.";
  }

  /** Where a subscription stands, to say why something cannot be done now. */
  private static String standing(SubscriptionSummary current) {
    return switch (current.status()) {
      case INCOMPLETE -> "is not paid yet";
      case SUSPENDED -> "is suspended until the open invoice is paid";
      case CANCELLED, TERMINATED -> "has ended";
      default -> "is " + BillingFormat.status(current).toLowerCase(Locale.ROOT);
    };
  }

  private Subscription visible(Caller caller, long subscriptionId) {
    return subscriptions
        .findById(subscriptionId)
        .filter(s -> caller.canSee(s.customerId()))
        .orElseThrow(() -> new NotFoundException("subscription", subscriptionId));
  }

  /** The subscription as it reads on another plan. */
  private static SubscriptionSummary onPlan(SubscriptionSummary subscription, Plan plan) {
    return new SubscriptionSummary(
        subscription.id(),
        subscription.orderId(),
        subscription.siteName(),
        plan.id(),
        plan.name(),
        PlanFormat.price(plan),
        plan.priceCents(),
        plan.currency(),
        subscription.gateway(),
        subscription.status(),
        subscription.periodEnd(),
        subscription.cancelAtPeriodEnd(),
        subscription.statusSince(),
        subscription.nextStepAt());
  }

  private SubscriptionSummary summary(Subscription subscription, Plan plan) {
    String siteName =
        orders.findById(subscription.orderId()).map(CustomerOrder::siteName).orElse(null);
    return new SubscriptionSummary(
        subscription.id(),
        subscription.orderId(),
        siteName,
        subscription.planId(),
        plan == null ? "Plan " + subscription.planId() : plan.name(),
        plan == null ? "" : PlanFormat.price(plan),
        plan == null ? 0 : plan.priceCents(),
        plan == null ? null : plan.currency(),
        subscription.gateway(),
        subscription.status(),
        subscription.currentPeriodEnd(),
        subscription.cancelAtPeriodEnd(),
        subscription.statusSince(),
        subscription.nextStepAt());
  }

  private static InvoiceSummary summary(Invoice invoice) {
    boolean transfer = invoice.stripeInvoiceId() == null;
    String reference = transfer ? BankTransferProperties.invoiceReference(invoice.id()) : null;
    return new InvoiceSummary(
        invoice.id(),
        invoice.subscriptionId(),
        invoice.number() != null ? invoice.number() : reference,
        invoice.createdAt(),
        invoice.amountCents(),
        invoice.currency(),
        PlanFormat.money(invoice.amountCents(), invoice.currency()),
        invoice.status(),
        invoice.hostedUrl(),
        invoice.pdfUrl(),
        transfer,
        transfer && Invoice.OPEN.equals(invoice.status()) ? reference : null,
        invoice.periodStart(),
        invoice.periodEnd(),
        invoice.paidAt());
  }

  private Map<Long, Plan> planById() {
    return plans.plans().stream().collect(Collectors.toMap(Plan::id, Function.identity()));
  }
}
