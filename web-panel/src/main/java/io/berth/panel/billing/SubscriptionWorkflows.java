package io.berth.panel.billing;

import io.berth.workflows.billing.BillingEvent;
import io.berth.workflows.billing.SubscriptionRequest;
import io.berth.workflows.billing.SubscriptionState;

/**
 * The panel's port to the subscription workflows ({@code subscription-<id>}). Changes are updates
 * that return once the workflow has applied them; failures arrive as the panel's own exceptions:
 * {@link io.berth.panel.common.ConflictException} with the workflow's reason when it refuses (its
 * validator's words) or is not running, {@link io.berth.panel.common.InvalidInputException} when
 * the change can never succeed as given, {@link io.berth.panel.common.ServiceUnavailableException}
 * when Temporal or the worker does not answer in time.
 */
public interface SubscriptionWorkflows {

  /**
   * Starts {@code subscription-<id>} on {@code berth-control} with the search attributes that let
   * support find it.
   *
   * @throws RuntimeException if it could not be started (Temporal unreachable, id in use)
   */
  void start(SubscriptionRequest request);

  /**
   * Ends a subscription workflow whose order never started; it has nothing to undo. Does nothing if
   * there is no such workflow.
   */
  void abandon(long subscriptionId, String reason);

  /** Reports a payment fact; false if the subscription has no running workflow. */
  boolean billingEvent(long subscriptionId, BillingEvent event);

  /** Moves the subscription to another plan (prorated, limits applied); answers the new state. */
  SubscriptionState changePlan(long subscriptionId, long planId);

  /** Cancels at period end ({@code true}) or withdraws that; answers the new state. */
  SubscriptionState cancelAtPeriodEnd(long subscriptionId, boolean cancel);

  /** A one-time link to Stripe's customer portal that returns to {@code returnUrl}. */
  String billingPortalUrl(long subscriptionId, String returnUrl);
}
