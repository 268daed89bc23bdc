package io.berth.persistence.billing;

import io.berth.workflows.billing.SubscriptionStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface SubscriptionRepository extends ListCrudRepository<Subscription, Long> {

  List<Subscription> findByCustomerIdOrderById(long customerId);

  Optional<Subscription> findByOrderId(long orderId);

  List<Subscription> findByStripeSubscriptionId(String stripeSubscriptionId);

  /** The workflow's state, as the panel shows it. TERMINATED is final. */
  @Modifying
  @Query(
      """
      UPDATE subscription
         SET status = :status, current_period_end = :periodEnd, status_since = :since,
             next_step_at = :nextStepAt, cancel_at_period_end = :cancelAtPeriodEnd,
             updated_at = now()
       WHERE id = :id AND status <> 'TERMINATED'
      """)
  int recordState(
      long id,
      SubscriptionStatus status,
      Instant periodEnd,
      Instant since,
      Instant nextStepAt,
      boolean cancelAtPeriodEnd);

  /** Links the Stripe subscription made by the checkout; never re-links to another one. */
  @Modifying
  @Query(
      """
      UPDATE subscription SET stripe_subscription_id = :stripeId, updated_at = now()
       WHERE id = :id AND (stripe_subscription_id IS NULL OR stripe_subscription_id = :stripeId)
      """)
  int linkStripe(long id, String stripeId);

  /**
   * Applies Stripe's view of the subscription (period end, cancellation, plan) from an event
   * created at {@code at}, unless a newer event was applied already: out-of-order deliveries end in
   * Stripe's final state.
   */
  @Modifying
  @Query(
      """
      UPDATE subscription
         SET current_period_end = COALESCE(:periodEnd, current_period_end),
             cancel_at_period_end = :cancelAtPeriodEnd,
             plan_id = COALESCE(:planId, plan_id),
             stripe_state_at = :at, updated_at = now()
       WHERE id = :id AND (stripe_state_at IS NULL OR stripe_state_at <= :at)
      """)
  int applyStripeState(
      long id, Instant periodEnd, boolean cancelAtPeriodEnd, Long planId, Instant at);

  @Modifying
  @Query("UPDATE subscription SET plan_id = :planId, updated_at = now() WHERE id = :id")
  int changePlan(long id, long planId);
}
