package io.berth.workflows.billing;

/** What the subscription workflow answers to its {@code state} query. */
public record SubscriptionState(
    SubscriptionStatus status,
    Long periodEndMillis,
    Long sinceMillis,
    boolean cancelAtPeriodEnd,
    /** When a PAST_DUE subscription is suspended, or a SUSPENDED/CANCELLED one removed. */
    Long nextStepAtMillis) {}
