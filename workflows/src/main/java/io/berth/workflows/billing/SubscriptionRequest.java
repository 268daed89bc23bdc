package io.berth.workflows.billing;

import java.util.List;

/**
 * Input of {@link SubscriptionWorkflow}, and the state it carries over continue-as-new (once per
 * billing period).
 *
 * @param status where it stands (INCOMPLETE for a new paid order, TRIALING for a trial)
 * @param periodEndMillis end of the paid-up period or trial (epoch ms); null until known
 * @param sinceMillis when the current PAST_DUE, SUSPENDED or CANCELLED status began (epoch ms), the
 *     start of its grace or termination timer; null otherwise
 * @param cancelAtPeriodEnd the customer asked to end it when the period ends
 * @param lastEventAtMillis the newest status-changing event applied (epoch ms), 0 if none
 * @param paidInvoices invoice refs already counted as paid (bounded; the newest kept)
 * @param handledEvents ids of the events already acted on (bounded; the newest kept), so a gateway
 *     that delivers an event again after continue-as-new changes nothing; null for a new
 *     subscription
 * @param changes how many plan changes and cancellation changes were asked for so far: the next
 *     one's idempotency key counts on from here; 0 for a new subscription
 */
public record SubscriptionRequest(
    long subscriptionId,
    long customerId,
    long orderId,
    PaymentMethod gateway,
    SubscriptionStatus status,
    Long periodEndMillis,
    Long sinceMillis,
    boolean cancelAtPeriodEnd,
    long lastEventAtMillis,
    List<String> paidInvoices,
    DunningPolicy policy,
    List<String> handledEvents,
    int changes) {

  /** A new subscription, as the panel starts it: nothing handled or changed yet. */
  public SubscriptionRequest(
      long subscriptionId,
      long customerId,
      long orderId,
      PaymentMethod gateway,
      SubscriptionStatus status,
      Long periodEndMillis,
      Long sinceMillis,
      boolean cancelAtPeriodEnd,
      long lastEventAtMillis,
      List<String> paidInvoices,
      DunningPolicy policy) {
    this(
        subscriptionId,
        customerId,
        orderId,
        gateway,
        status,
        periodEndMillis,
        sinceMillis,
        cancelAtPeriodEnd,
        lastEventAtMillis,
        paidInvoices,
        policy,
        List.of(),
        0);
  }
}
