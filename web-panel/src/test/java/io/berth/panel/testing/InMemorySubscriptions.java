package io.berth.panel.testing;

import io.berth.persistence.billing.Subscription;
import io.berth.persistence.billing.SubscriptionRepository;
import io.berth.workflows.billing.PaymentMethod;
import io.berth.workflows.billing.SubscriptionStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.springframework.dao.DuplicateKeyException;

/** Subscriptions, one per order ({@code subscription.order_id} is unique). */
public class InMemorySubscriptions extends InMemoryRepository<Subscription>
    implements SubscriptionRepository {

  @Override
  protected Long idOf(Subscription s) {
    return s.id();
  }

  @Override
  protected Subscription withId(Subscription s, long id) {
    return new Subscription(
        id,
        s.customerId(),
        s.orderId(),
        s.planId(),
        s.gateway(),
        s.status(),
        s.stripeSubscriptionId(),
        s.currentPeriodEnd(),
        s.cancelAtPeriodEnd(),
        s.statusSince(),
        s.nextStepAt(),
        s.stripeStateAt(),
        s.createdAt(),
        s.updatedAt());
  }

  @Override
  protected void checkConstraints(Subscription subscription, Long id) {
    if (!where(s -> s.orderId().equals(subscription.orderId()) && !s.id().equals(id)).isEmpty()) {
      throw new DuplicateKeyException("subscription_order_id_key");
    }
  }

  @Override
  public List<Subscription> findByCustomerIdOrderById(long customerId) {
    return where(s -> s.customerId() == customerId, Comparator.comparing(Subscription::id));
  }

  @Override
  public Optional<Subscription> findByOrderId(long orderId) {
    return where(s -> s.orderId() == orderId).stream().findFirst();
  }

  @Override
  public List<Subscription> findByStripeSubscriptionId(String stripeSubscriptionId) {
    return where(s -> stripeSubscriptionId.equals(s.stripeSubscriptionId()));
  }

  @Override
  public int recordState(
      long id,
      SubscriptionStatus status,
      Instant periodEnd,
      Instant since,
      Instant nextStepAt,
      boolean cancelAtPeriodEnd) {
    return change(
        id,
        s -> s.status() != SubscriptionStatus.TERMINATED,
        s ->
            new Subscription(
                s.id(),
                s.customerId(),
                s.orderId(),
                s.planId(),
                s.gateway(),
                status,
                s.stripeSubscriptionId(),
                periodEnd,
                cancelAtPeriodEnd,
                since,
                nextStepAt,
                s.stripeStateAt(),
                s.createdAt(),
                Instant.now()));
  }

  @Override
  public int linkStripe(long id, String stripeId) {
    return change(
        id,
        s -> s.stripeSubscriptionId() == null || s.stripeSubscriptionId().equals(stripeId),
        s ->
            new Subscription(
                s.id(),
                s.customerId(),
                s.orderId(),
                s.planId(),
                s.gateway(),
                s.status(),
                stripeId,
                s.currentPeriodEnd(),
                s.cancelAtPeriodEnd(),
                s.statusSince(),
                s.nextStepAt(),
                s.stripeStateAt(),
                s.createdAt(),
                Instant.now()));
  }

  @Override
  public int applyStripeState(
      long id, Instant periodEnd, boolean cancelAtPeriodEnd, Long planId, Instant at) {
    return change(
        id,
        s -> s.stripeStateAt() == null || !s.stripeStateAt().isAfter(at),
        s ->
            new Subscription(
                s.id(),
                s.customerId(),
                s.orderId(),
                planId != null ? planId : s.planId(),
                s.gateway(),
                s.status(),
                s.stripeSubscriptionId(),
                periodEnd != null ? periodEnd : s.currentPeriodEnd(),
                cancelAtPeriodEnd,
                s.statusSince(),
                s.nextStepAt(),
                at,
                s.createdAt(),
                Instant.now()));
  }

  @Override
  public int changePlan(long id, long planId) {
    return change(
        id,
        s -> true,
        s ->
            new Subscription(
                s.id(),
                s.customerId(),
                s.orderId(),
                planId,
                s.gateway(),
                s.status(),
                s.stripeSubscriptionId(),
                s.currentPeriodEnd(),
                s.cancelAtPeriodEnd(),
                s.statusSince(),
                s.nextStepAt(),
                s.stripeStateAt(),
                s.createdAt(),
                Instant.now()));
  }

  /** A subscription of an order, as checkout and then its workflow would have stored it. */
  public Subscription add(
      long customerId,
      long orderId,
      long planId,
      PaymentMethod gateway,
      SubscriptionStatus status,
      Instant periodEnd) {
    return save(
        Subscription.create(
            customerId, orderId, planId, gateway, status, periodEnd, Instant.now()));
  }

  /** Where the workflow has taken it: status, dates and cancellation, as its activity stores. */
  public Subscription set(
      long id,
      SubscriptionStatus status,
      Instant periodEnd,
      Instant since,
      Instant nextStepAt,
      boolean cancelAtPeriodEnd) {
    recordState(id, status, periodEnd, since, nextStepAt, cancelAtPeriodEnd);
    return findById(id).orElseThrow();
  }

  private synchronized int change(
      long id, Predicate<Subscription> when, UnaryOperator<Subscription> change) {
    Subscription subscription = findById(id).orElse(null);
    if (subscription == null || !when.test(subscription)) {
      return 0;
    }
    save(change.apply(subscription));
    return 1;
  }
}
