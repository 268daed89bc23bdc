package io.berth.workflows.billing;

/** What a payment gateway or support reported about a subscription. */
public enum BillingEventKind {
  /** An invoice (or the checkout) was paid; {@code periodEnd} is the paid-up date when known. */
  PAID,
  /** A renewal payment failed; the gateway may retry. */
  PAYMENT_FAILED,
  /** The customer asked to end the subscription at the end of the period. */
  CANCEL_AT_PERIOD_END,
  /** The customer withdrew a cancellation before the period ended. */
  REACTIVATED,
  /** The subscription ended at the gateway (cancelled, or never paid): service stops. */
  ENDED,
  /** A renewal is coming: the reminder e-mail. */
  RENEWAL_UPCOMING,
  /** The free trial ends in a few days: the reminder e-mail. */
  TRIAL_ENDING
}
