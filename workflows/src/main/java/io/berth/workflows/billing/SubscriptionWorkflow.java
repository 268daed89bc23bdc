package io.berth.workflows.billing;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A paid plan over time, id {@code subscription-<subscriptionId>}, on {@code berth-control}.
 *
 * <p>INCOMPLETE → (paid) ACTIVE; TRIALING → (trial ends unpaid) SUSPENDED; ACTIVE → (renewal
 * failed) PAST_DUE → (grace over) SUSPENDED → (termination period over) TERMINATED; PAST_DUE or
 * SUSPENDED → (paid) ACTIVE, sites resumed; ENDED at the gateway, or the period over with {@code
 * cancelAtPeriodEnd} → CANCELLED (sites stopped) → TERMINATED. Driven by {@link #billingEvent}
 * signals and durable timers; continues as new once per billing period.
 */
@WorkflowInterface
public interface SubscriptionWorkflow {

  static String workflowId(long subscriptionId) {
    return "subscription-" + subscriptionId;
  }

  @WorkflowMethod
  void run(SubscriptionRequest request);

  /** A gateway (through the webhook) or support reports a payment fact. Idempotent per event id. */
  @SignalMethod
  void billingEvent(BillingEvent event);

  /**
   * Moves the subscription to another plan: the gateway prorates, then every site's containers get
   * the new plan's limits in place. Answers the new state.
   */
  @UpdateMethod
  SubscriptionState changePlan(long planId);

  @UpdateValidatorMethod(updateName = "changePlan")
  void validateChangePlan(long planId);

  /** Cancels at the end of the period ({@code true}) or withdraws that cancellation. */
  @UpdateMethod
  SubscriptionState cancelAtPeriodEnd(boolean cancel);

  @UpdateValidatorMethod(updateName = "cancelAtPeriodEnd")
  void validateCancelAtPeriodEnd(boolean cancel);

  /** A one-time link to the gateway's customer portal (payment method, invoices). Stripe only. */
  @UpdateMethod
  String billingPortalUrl(String returnUrl);

  @UpdateValidatorMethod(updateName = "billingPortalUrl")
  void validateBillingPortalUrl(String returnUrl);

  @QueryMethod
  SubscriptionState state();
}
