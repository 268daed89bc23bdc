package io.berth.persistence.billing;

import io.berth.workflows.billing.PaymentMethod;
import io.berth.workflows.billing.SubscriptionStatus;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A paid plan over time; one per order. */
@Table("subscription")
public record Subscription(
    @Id Long id,
    Long customerId,
    Long orderId,
    Long planId,
    PaymentMethod gateway,
    SubscriptionStatus status,
    String stripeSubscriptionId,
    Instant currentPeriodEnd,
    boolean cancelAtPeriodEnd,
    Instant statusSince,
    Instant nextStepAt,
    Instant stripeStateAt,
    Instant createdAt,
    Instant updatedAt) {

  public static Subscription create(
      long customerId,
      long orderId,
      long planId,
      PaymentMethod gateway,
      SubscriptionStatus status,
      Instant periodEnd,
      Instant now) {
    return new Subscription(
        null,
        customerId,
        orderId,
        planId,
        gateway,
        status,
        null,
        periodEnd,
        false,
        null,
        null,
        null,
        now,
        now);
  }
}
