package io.berth.panel.payment;

import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Events Berth subscribes to and keeps, but that change nothing: paused and resumed subscriptions
 * (not offered), customer changes made in Stripe's portal, and payment intents (the invoice and
 * checkout events carry their outcome).
 */
@Component
class RecordedOnlyEvents implements StripeEventHandler {

  @Override
  public Set<String> types() {
    return Set.of(
        "customer.subscription.paused",
        "customer.subscription.resumed",
        "customer.updated",
        "customer.deleted",
        "payment_intent.succeeded",
        "payment_intent.payment_failed");
  }

  @Override
  public Outcome handle(StripeEvent event) {
    return Outcome.RECORDED;
  }
}
