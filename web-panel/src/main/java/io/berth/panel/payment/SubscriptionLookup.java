package io.berth.panel.payment;

import io.berth.persistence.billing.Subscription;
import io.berth.persistence.billing.SubscriptionRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Finds the Berth subscription a Stripe object is about: by the {@code berth_subscription_id} Berth
 * put into the metadata when it created the checkout, else by the linked Stripe subscription id
 * when exactly one subscription has it (test-mode ids need not be unique).
 */
@Component
class SubscriptionLookup {

  static final String BERTH_SUBSCRIPTION_ID = "berth_subscription_id";

  private final SubscriptionRepository subscriptions;

  SubscriptionLookup(SubscriptionRepository subscriptions) {
    this.subscriptions = subscriptions;
  }

  Optional<Subscription> find(Long berthId, String stripeSubscriptionId) {
    return byBerthId(berthId).or(() -> byStripeId(stripeSubscriptionId));
  }

  /** The subscription an order started, preferring the one the metadata names if it is that. */
  Optional<Subscription> forOrder(long orderId, Long hinted) {
    return byBerthId(hinted)
        .filter(subscription -> subscription.orderId() == orderId)
        .or(() -> subscriptions.findByOrderId(orderId));
  }

  private Optional<Subscription> byBerthId(Long id) {
    return id == null ? Optional.empty() : subscriptions.findById(id);
  }

  private Optional<Subscription> byStripeId(String stripeId) {
    if (stripeId == null) {
      return Optional.empty();
    }
    List<Subscription> linked = subscriptions.findByStripeSubscriptionId(stripeId);
    return linked.size() == 1 ? Optional.of(linked.get(0)) : Optional.empty();
  }
}
