package io.berth.panel.billing;

import io.berth.panel.testing.Resettable;

/** Payment options a test turns Stripe on or off in; bank transfer after every reset. */
public class SwitchablePaymentOptions extends PaymentOptions implements Resettable {

  private volatile boolean stripe;

  public SwitchablePaymentOptions() {
    super("");
  }

  public void stripe(boolean on) {
    stripe = on;
  }

  @Override
  public boolean stripe() {
    return stripe;
  }

  @Override
  public void reset() {
    stripe = false;
  }
}
