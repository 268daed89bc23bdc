package io.berth.panel.billing;

import io.berth.workflows.billing.PaymentMethod;
import io.berth.workflows.billing.SubscriptionState;
import io.berth.workflows.billing.SubscriptionStatus;
import java.time.Instant;

/**
 * One subscription as the Billing page and the API show it.
 *
 * @param price e.g. "€5.00 / month", or "Free for 14 days"
 * @param periodEnd end of the paid-up period or trial; null until paid
 * @param statusSince when the current PAST_DUE, SUSPENDED or CANCELLED status began
 * @param nextStepAt when a PAST_DUE one is suspended, or a SUSPENDED / CANCELLED one removed
 */
public record SubscriptionSummary(
    long id,
    long orderId,
    String siteName,
    long planId,
    String planName,
    String price,
    int priceCents,
    String currency,
    PaymentMethod gateway,
    SubscriptionStatus status,
    Instant periodEnd,
    boolean cancelAtPeriodEnd,
    Instant statusSince,
    Instant nextStepAt) {

  public boolean paidByCard() {
    return gateway == PaymentMethod.STRIPE;
  }

  /** A paid plan that runs (or runs late) can move to another paid plan. */
  public boolean planChangeable() {
    return gateway != PaymentMethod.NONE
        && (status == SubscriptionStatus.ACTIVE || status == SubscriptionStatus.PAST_DUE);
  }

  public boolean cancellable() {
    return status.isServing() && !cancelAtPeriodEnd;
  }

  public boolean reactivatable() {
    return status.isServing() && cancelAtPeriodEnd;
  }

  /** It renews at {@link #periodEnd} for {@link #price}. */
  public boolean renews() {
    return gateway != PaymentMethod.NONE
        && !cancelAtPeriodEnd
        && periodEnd != null
        && (status == SubscriptionStatus.ACTIVE || status == SubscriptionStatus.PAST_DUE);
  }

  /** This subscription as the workflow answered after a change. */
  SubscriptionSummary with(SubscriptionState state) {
    return new SubscriptionSummary(
        id,
        orderId,
        siteName,
        planId,
        planName,
        price,
        priceCents,
        currency,
        gateway,
        state.status(),
        instant(state.periodEndMillis()),
        state.cancelAtPeriodEnd(),
        instant(state.sinceMillis()),
        instant(state.nextStepAtMillis()));
  }

  private static Instant instant(Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }
}
