package io.berth.panel.billing;

import io.berth.panel.common.ConflictException;
import io.berth.panel.common.ServiceUnavailableException;
import io.berth.panel.testing.InMemorySubscriptions;
import io.berth.panel.testing.Resettable;
import io.berth.persistence.billing.Subscription;
import io.berth.workflows.billing.BillingEvent;
import io.berth.workflows.billing.SubscriptionRequest;
import io.berth.workflows.billing.SubscriptionState;
import io.grpc.Status;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records what the panel asked of the subscription workflows, and answers updates as the workflow
 * would: the plan or cancellation changed on the row (as its activities do), the new state back. A
 * test can make it refuse (the validator's words) or be unreachable.
 */
public class FakeSubscriptionWorkflows implements SubscriptionWorkflows, Resettable {

  public static final String PORTAL_URL = "https://billing.stripe.com/p/session/test_portal";

  public final List<SubscriptionRequest> started = new CopyOnWriteArrayList<>();
  public final List<Long> abandoned = new CopyOnWriteArrayList<>();
  public final Map<Long, List<BillingEvent>> events = new ConcurrentHashMap<>();

  /** Every update sent: "changePlan:<id>:<planId>", "cancel:<id>:<bool>", "portal:<id>:<url>". */
  public final List<String> updates = new CopyOnWriteArrayList<>();

  private final InMemorySubscriptions subscriptions;
  private volatile String refusal;
  private volatile boolean unreachable;
  private volatile boolean startFails;

  public FakeSubscriptionWorkflows(InMemorySubscriptions subscriptions) {
    this.subscriptions = subscriptions;
  }

  /** The workflow's validator refuses every update with this reason. */
  public void refuse(String reason) {
    refusal = reason;
  }

  public void unreachable(boolean down) {
    unreachable = down;
  }

  /** Starting a subscription workflow fails (Temporal unreachable). */
  public void startFails(boolean fails) {
    startFails = fails;
  }

  @Override
  public void start(SubscriptionRequest request) {
    if (startFails || unreachable) {
      throw Status.UNAVAILABLE.withDescription("connection refused").asRuntimeException();
    }
    started.add(request);
  }

  @Override
  public void abandon(long subscriptionId, String reason) {
    abandoned.add(subscriptionId);
  }

  @Override
  public boolean billingEvent(long subscriptionId, BillingEvent event) {
    events.computeIfAbsent(subscriptionId, id -> new CopyOnWriteArrayList<>()).add(event);
    return true;
  }

  @Override
  public SubscriptionState changePlan(long subscriptionId, long planId) {
    answerable();
    updates.add("changePlan:" + subscriptionId + ":" + planId);
    subscriptions.changePlan(subscriptionId, planId);
    return state(subscriptionId);
  }

  @Override
  public SubscriptionState cancelAtPeriodEnd(long subscriptionId, boolean cancel) {
    answerable();
    updates.add("cancel:" + subscriptionId + ":" + cancel);
    Subscription s = subscriptions.findById(subscriptionId).orElseThrow();
    subscriptions.recordState(
        subscriptionId, s.status(), s.currentPeriodEnd(), s.statusSince(), s.nextStepAt(), cancel);
    return state(subscriptionId);
  }

  @Override
  public String billingPortalUrl(long subscriptionId, String returnUrl) {
    answerable();
    updates.add("portal:" + subscriptionId + ":" + returnUrl);
    return PORTAL_URL;
  }

  private void answerable() {
    if (unreachable) {
      throw new ServiceUnavailableException(
          ServiceUnavailableException.WORKFLOWS_UNREACHABLE, null);
    }
    if (refusal != null) {
      throw new ConflictException(refusal);
    }
  }

  private SubscriptionState state(long subscriptionId) {
    Subscription s = subscriptions.findById(subscriptionId).orElseThrow();
    return new SubscriptionState(
        s.status(),
        millis(s.currentPeriodEnd()),
        millis(s.statusSince()),
        s.cancelAtPeriodEnd(),
        millis(s.nextStepAt()));
  }

  private static Long millis(Instant at) {
    return at == null ? null : at.toEpochMilli();
  }

  @Override
  public void reset() {
    started.clear();
    abandoned.clear();
    events.clear();
    updates.clear();
    refusal = null;
    unreachable = false;
    startFails = false;
  }
}
