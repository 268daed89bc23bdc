package io.berth.workflows.billing;

/** The e-mails a subscription sends its customer. */
public enum BillingNotice {
  RECEIPT,
  PAYMENT_FAILED,
  RENEWAL_UPCOMING,
  TRIAL_ENDING,
  SUSPENDED,
  RESUMED,
  CANCELLED,
  TERMINATED
}
