package io.berth.workflows.billing;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/** Platform-DB bookkeeping of subscriptions, on {@code berth-control}. Idempotent. */
@ActivityInterface
public interface SubscriptionActivities {

  /** Stores status, period end, since and cancel-at-period-end on the subscription's row. */
  void recordState(long subscriptionId, SubscriptionState state);

  /** The subscription's sites that exist (not cancelled, failed or deleted), with their hosts. */
  List<SiteRef> sites(long subscriptionId);

  /**
   * Opens the renewal invoice of a subscription its gateway does not invoice (bank transfer) for
   * the period starting at {@code periodStartMillis}; once per period. Answers its ref.
   */
  String openRenewalInvoice(long subscriptionId, long periodStartMillis);

  /**
   * What else the customer holds once this subscription is terminated and no other subscription of
   * theirs serves: domains and mail to remove. Empty when another subscription still serves.
   */
  CustomerLeftovers leftovers(long subscriptionId);
}
