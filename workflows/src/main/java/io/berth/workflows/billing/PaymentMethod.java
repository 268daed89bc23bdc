package io.berth.workflows.billing;

/** How a subscription is paid: nothing (a trial), a bank transfer support confirms, or Stripe. */
public enum PaymentMethod {
  NONE,
  BANK_TRANSFER,
  STRIPE;

  /** Renewals this gateway does not drive itself are invoiced by the subscription workflow. */
  public boolean invoicesItself() {
    return this == STRIPE;
  }
}
