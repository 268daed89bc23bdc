package io.berth.panel.payment;

import io.berth.workflows.billing.BillingEventKind;
import java.time.Instant;
import java.util.Optional;

/**
 * What Berth reads from a Stripe subscription: the Berth subscription in its metadata, the end of
 * the paid-up period, the cancellation flag (and its value before, for an update), the price and
 * the end of a trial.
 */
record StripeSubscription(
    String id,
    Long berthSubscriptionId,
    Instant currentPeriodEnd,
    Boolean cancelAtPeriodEnd,
    Boolean cancelAtPeriodEndBefore,
    String priceId,
    Instant trialEnd) {

  private static final String CANCEL_AT_PERIOD_END = "cancel_at_period_end";

  static StripeSubscription from(StripeObject subscription, StripeObject previous) {
    StripeObject item = subscription.firstOf("items");
    String price = item.at("price").id();
    return new StripeSubscription(
        subscription.id(),
        subscription.berthId(SubscriptionLookup.BERTH_SUBSCRIPTION_ID),
        periodEndOf(subscription),
        subscription.flag(CANCEL_AT_PERIOD_END),
        previous.flag(CANCEL_AT_PERIOD_END),
        price != null ? price : item.at("plan").id(),
        subscription.instant("trial_end"));
  }

  /** The end of the paid-up period: per item in newer API versions, on the subscription before. */
  static Instant periodEndOf(StripeObject subscription) {
    Instant itemEnd = subscription.firstOf("items").instant("current_period_end");
    return itemEnd != null ? itemEnd : subscription.instant("current_period_end");
  }

  /** What the update did to the cancellation flag, if it changed it. */
  Optional<BillingEventKind> cancellationChange() {
    if (cancelAtPeriodEndBefore == null
        || cancelAtPeriodEnd == null
        || cancelAtPeriodEndBefore.equals(cancelAtPeriodEnd)) {
      return Optional.empty();
    }
    return Optional.of(
        cancelAtPeriodEnd ? BillingEventKind.CANCEL_AT_PERIOD_END : BillingEventKind.REACTIVATED);
  }
}
