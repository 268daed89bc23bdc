package io.berth.workflows.billing;

/** Where a subscription stands, as stored for the panel and the API. */
public enum SubscriptionStatus {
  /** Ordered, not yet paid. */
  INCOMPLETE,
  /** A free trial that has not ended. */
  TRIALING,
  ACTIVE,
  /** A renewal payment failed; the service runs until the grace period ends. */
  PAST_DUE,
  /** Containers stopped, sites show a "suspended" page, all data kept. */
  SUSPENDED,
  /** Cancelled (or never paid): the service is stopped and ends at the termination date. */
  CANCELLED,
  /** Everything was removed. Final. */
  TERMINATED;

  public boolean isServing() {
    return this == TRIALING || this == ACTIVE || this == PAST_DUE;
  }
}
