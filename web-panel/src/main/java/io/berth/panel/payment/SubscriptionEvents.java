package io.berth.panel.payment;

import io.berth.persistence.billing.Subscription;
import io.berth.persistence.billing.SubscriptionRepository;
import io.berth.persistence.plan.Plan;
import io.berth.persistence.plan.PlanRepository;
import io.berth.workflows.billing.BillingEvent;
import io.berth.workflows.billing.BillingEventKind;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Stripe subscriptions: their period end, cancellation flag and price are copied onto the Berth
 * subscription (only from events newer than the last one applied), and the workflow hears of a
 * cancellation, its withdrawal, the end and a trial about to end. Past-due and unpaid states come
 * from the invoice events instead.
 */
@Component
class SubscriptionEvents implements StripeEventHandler {

  static final String CREATED = "customer.subscription.created";
  static final String UPDATED = "customer.subscription.updated";
  static final String DELETED = "customer.subscription.deleted";
  static final String TRIAL_WILL_END = "customer.subscription.trial_will_end";

  private final SubscriptionRepository subscriptions;
  private final PlanRepository plans;
  private final SubscriptionLookup lookup;
  private final PaymentSignals signals;

  SubscriptionEvents(
      SubscriptionRepository subscriptions,
      PlanRepository plans,
      SubscriptionLookup lookup,
      PaymentSignals signals) {
    this.subscriptions = subscriptions;
    this.plans = plans;
    this.lookup = lookup;
    this.signals = signals;
  }

  @Override
  public Set<String> types() {
    return Set.of(CREATED, UPDATED, DELETED, TRIAL_WILL_END);
  }

  @Override
  public Outcome handle(StripeEvent event) {
    StripeSubscription stripe = StripeSubscription.from(event.object(), event.previous());
    Optional<Subscription> found = lookup.find(stripe.berthSubscriptionId(), stripe.id());
    if (found.isEmpty()) {
      return Outcome.NOT_MAPPED;
    }
    Subscription subscription = found.get();
    switch (event.type()) {
      case TRIAL_WILL_END ->
          tell(subscription, event, BillingEventKind.TRIAL_ENDING, stripe.trialEnd());
      case DELETED -> {
        applyState(subscription, stripe, event);
        tell(subscription, event, BillingEventKind.ENDED, null);
      }
      default -> {
        if (stripe.id() != null) {
          subscriptions.linkStripe(subscription.id(), stripe.id());
        }
        applyState(subscription, stripe, event);
        stripe.cancellationChange().ifPresent(kind -> tell(subscription, event, kind, null));
      }
    }
    return Outcome.APPLIED;
  }

  private void applyState(Subscription subscription, StripeSubscription stripe, StripeEvent event) {
    subscriptions.applyStripeState(
        subscription.id(),
        stripe.currentPeriodEnd(),
        stripe.cancelAtPeriodEnd() != null
            ? stripe.cancelAtPeriodEnd()
            : subscription.cancelAtPeriodEnd(),
        planSoldAt(stripe.priceId()),
        event.created());
  }

  /** The Berth plan sold at a Stripe price; null for a price Berth does not sell. */
  private Long planSoldAt(String priceId) {
    if (priceId == null) {
      return null;
    }
    return plans.findAllByOrderBySortOrder().stream()
        .filter(plan -> Objects.equals(plan.stripePriceId(), priceId))
        .map(Plan::id)
        .findFirst()
        .orElse(null);
  }

  private void tell(
      Subscription subscription, StripeEvent event, BillingEventKind kind, Instant periodEnd) {
    signals.billingEvent(
        subscription.id(),
        new BillingEvent(
            event.id(),
            kind,
            event.occurredAtMillis(),
            null,
            periodEnd != null ? periodEnd.toEpochMilli() : null,
            0,
            null));
  }
}
