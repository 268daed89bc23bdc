package io.berth.workflows.billing;

import io.berth.workflows.common.ActivityStubs;
import io.berth.workflows.common.PlanLimits;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import io.temporal.workflow.WorkflowLock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * The subscription's state machine. Events are queued by the signal handler and applied one at a
 * time by the main loop, which otherwise sleeps until the next deadline of the current status
 * (trial end, period end, grace end, termination date). Updates and the main loop take turns
 * through one lock, so a plan change never interleaves with a suspension.
 *
 * <p>An event without a gateway time ({@code occurredAtMillis} 0, such as the order's {@code
 * order-<id>:ended}) is Berth's own fact: it is never taken for an out-of-order delivery.
 */
public class SubscriptionWorkflowImpl implements SubscriptionWorkflow {

  private static final Logger log = Workflow.getLogger(SubscriptionWorkflowImpl.class);

  static final int HANDLED_EVENTS_KEPT = 500;
  static final int PAID_INVOICES_KEPT = 100;

  private final SubscriptionActivities subscriptions =
      Workflow.newActivityStub(SubscriptionActivities.class, ActivityStubs.control());
  private final PaymentActivities payments =
      Workflow.newActivityStub(PaymentActivities.class, ActivityStubs.control());
  private final BillingNoticeActivities notices =
      Workflow.newActivityStub(BillingNoticeActivities.class, noticeOptions());
  private final WorkflowLock busy = Workflow.newWorkflowLock();
  private final Deque<BillingEvent> pending = new ArrayDeque<>();

  private long subscriptionId;
  private PaymentMethod gateway;
  private DunningPolicy policy;
  private SubscriptionRequest request;
  private CustomerServices services;

  private SubscriptionStatus status;
  private Long periodEnd;
  private Long since;
  private boolean cancelAtPeriodEnd;
  private long lastEventAt;
  private RecentIds handledEvents;
  private RecentIds paidInvoices;
  private int changes;

  /** A payment moved the period on: this run's billing period is over, the next one starts new. */
  private boolean periodRenewed;

  /** Nothing is left to watch: terminated, or cancelled before anything was provisioned. */
  private boolean over;

  private SubscriptionState recorded;

  /** E-mails are worth a few tries, never a stuck lifecycle: a notice that fails is logged. */
  private static ActivityOptions noticeOptions() {
    return ActivityOptions.newBuilder(ActivityStubs.control())
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofMillis(500))
                .setMaximumInterval(Duration.ofSeconds(10))
                .setMaximumAttempts(5)
                .build())
        .build();
  }

  /** Takes the state before any signal or update of the first workflow task is handled. */
  @WorkflowInit
  public SubscriptionWorkflowImpl(SubscriptionRequest request) {
    take(request);
  }

  @Override
  public void run(SubscriptionRequest request) {
    while (!over) {
      Long deadline = deadline();
      if (!pending.isEmpty()) {
        BillingEvent event = pending.poll();
        locked(() -> apply(event));
      } else if (deadline != null && deadline <= Workflow.currentTimeMillis()) {
        locked(this::deadlineReached);
      } else if (continueAsNewDue() && Workflow.isEveryHandlerFinished()) {
        Workflow.continueAsNew(carried());
      } else {
        Supplier<Boolean> woken =
            () ->
                !pending.isEmpty()
                    || !Objects.equals(deadline(), deadline)
                    || continueAsNewDue() && Workflow.isEveryHandlerFinished();
        if (deadline == null) {
          Workflow.await(woken);
        } else {
          Workflow.await(Duration.ofMillis(deadline - Workflow.currentTimeMillis()), woken);
        }
      }
    }
    Workflow.await(Workflow::isEveryHandlerFinished);
  }

  private void take(SubscriptionRequest request) {
    this.request = request;
    subscriptionId = request.subscriptionId();
    gateway = request.gateway() == null ? PaymentMethod.NONE : request.gateway();
    policy = request.policy() == null ? DunningPolicy.DEFAULT : request.policy();
    services = new CustomerServices(subscriptions, subscriptionId);
    status = request.status() == null ? SubscriptionStatus.INCOMPLETE : request.status();
    periodEnd = request.periodEndMillis();
    since = request.sinceMillis();
    cancelAtPeriodEnd = request.cancelAtPeriodEnd();
    lastEventAt = request.lastEventAtMillis();
    handledEvents = new RecentIds(HANDLED_EVENTS_KEPT, request.handledEvents());
    paidInvoices = new RecentIds(PAID_INVOICES_KEPT, request.paidInvoices());
    changes = request.changes();
    over =
        status == SubscriptionStatus.TERMINATED
            || status == SubscriptionStatus.CANCELLED && since == null;
  }

  private SubscriptionRequest carried() {
    return new SubscriptionRequest(
        subscriptionId,
        request.customerId(),
        request.orderId(),
        gateway,
        status,
        periodEnd,
        since,
        cancelAtPeriodEnd,
        lastEventAt,
        paidInvoices.toList(),
        policy,
        handledEvents.toList(),
        changes);
  }

  private boolean continueAsNewDue() {
    return periodRenewed || Workflow.getInfo().isContinueAsNewSuggested();
  }

  /** When the current status moves on by itself; null while it waits only for events. */
  private Long deadline() {
    return switch (status) {
      case TRIALING -> periodEnd;
      case ACTIVE -> cancelAtPeriodEnd || !gateway.invoicesItself() ? periodEnd : null;
      default -> nextStepAt();
    };
  }

  /** The end of a PAST_DUE grace period, or the termination date of a stopped service. */
  private Long nextStepAt() {
    if (since == null) {
      return null;
    }
    return switch (status) {
      case PAST_DUE -> since + policy.grace().toMillis();
      case SUSPENDED, CANCELLED -> since + policy.termination().toMillis();
      default -> null;
    };
  }

  // --- events -----------------------------------------------------------------------------

  private void apply(BillingEvent event) {
    if (!handledEvents.add(event.id())) {
      log.info("Subscription {}: event {} was already handled", subscriptionId, event.id());
      return;
    }
    if (event.changesStatus() && event.occurredAtMillis() > 0) {
      if (event.occurredAtMillis() < lastEventAt) {
        log.info(
            "Subscription {}: {} {} is older than the last event applied; ignored",
            subscriptionId,
            event.kind(),
            event.id());
        return;
      }
      lastEventAt = event.occurredAtMillis();
    }
    switch (event.kind()) {
      case PAID -> paid(event);
      case PAYMENT_FAILED -> paymentFailed(event);
      case CANCEL_AT_PERIOD_END -> markCancelAtPeriodEnd(true);
      case REACTIVATED -> markCancelAtPeriodEnd(false);
      case ENDED -> ended();
      case RENEWAL_UPCOMING -> notify(BillingNotice.RENEWAL_UPCOMING, event.id(), event);
      case TRIAL_ENDING -> notify(BillingNotice.TRIAL_ENDING, event.id(), event);
    }
  }

  private void paid(BillingEvent event) {
    if (event.invoiceRef() != null && !paidInvoices.add(event.invoiceRef())) {
      log.info(
          "Subscription {}: invoice {} was already counted as paid",
          subscriptionId,
          event.invoiceRef());
      return;
    }
    if (status == SubscriptionStatus.CANCELLED || status == SubscriptionStatus.TERMINATED) {
      log.warn(
          "Subscription {}: payment {} arrived after it ended; support refunds it",
          subscriptionId,
          event.id());
      return;
    }
    SubscriptionStatus before = status;
    Long paidUntil = event.periodEndMillis();
    if (paidUntil != null && (periodEnd == null || paidUntil > periodEnd)) {
      periodEnd = paidUntil;
      periodRenewed = true;
    }
    status = SubscriptionStatus.ACTIVE;
    since = null;
    record();
    if (before == SubscriptionStatus.PAST_DUE || before == SubscriptionStatus.SUSPENDED) {
      services.resumeSites();
      notify(BillingNotice.RESUMED, event.id(), event);
    }
    notify(
        BillingNotice.RECEIPT, event.invoiceRef() != null ? event.invoiceRef() : event.id(), event);
  }

  private void paymentFailed(BillingEvent event) {
    switch (status) {
      case ACTIVE -> {
        long now = Workflow.currentTimeMillis();
        status = SubscriptionStatus.PAST_DUE;
        since = event.occurredAtMillis() > 0 ? Math.min(event.occurredAtMillis(), now) : now;
        record();
        notify(BillingNotice.PAYMENT_FAILED, event.id(), event);
      }
      case PAST_DUE, SUSPENDED -> notify(BillingNotice.PAYMENT_FAILED, event.id(), event);
      default ->
          log.info(
              "Subscription {}: failed payment {} while {}; nothing to do",
              subscriptionId,
              event.id(),
              status);
    }
  }

  private void markCancelAtPeriodEnd(boolean cancel) {
    if (status == SubscriptionStatus.CANCELLED || status == SubscriptionStatus.TERMINATED) {
      return;
    }
    cancelAtPeriodEnd = cancel;
    record();
  }

  private void ended() {
    switch (status) {
      case INCOMPLETE -> {
        status = SubscriptionStatus.CANCELLED;
        since = null;
        record();
        over = true;
      }
      case TRIALING, ACTIVE, PAST_DUE -> cancelNow();
      case SUSPENDED -> {
        // The service is already stopped; the termination date stays where suspension put it.
        status = SubscriptionStatus.CANCELLED;
        record();
        notify(BillingNotice.CANCELLED, "at-" + since, null);
      }
      default -> log.info("Subscription {}: ended while {}; nothing to do", subscriptionId, status);
    }
  }

  // --- deadlines --------------------------------------------------------------------------

  private void deadlineReached() {
    switch (status) {
      case TRIALING, PAST_DUE -> suspend();
      case ACTIVE -> {
        if (cancelAtPeriodEnd) {
          cancelNow();
        } else {
          invoiceRenewal();
        }
      }
      case SUSPENDED, CANCELLED -> terminate();
      default -> throw new IllegalStateException("no deadline while " + status);
    }
  }

  private void suspend() {
    status = SubscriptionStatus.SUSPENDED;
    since = Workflow.currentTimeMillis();
    record();
    services.suspendSites();
    notify(BillingNotice.SUSPENDED, "at-" + since, null);
  }

  private void cancelNow() {
    status = SubscriptionStatus.CANCELLED;
    since = Workflow.currentTimeMillis();
    record();
    services.suspendSites();
    notify(BillingNotice.CANCELLED, "at-" + since, null);
  }

  /** A gateway that does not invoice itself (bank transfer): Berth opens the renewal invoice. */
  private void invoiceRenewal() {
    long periodStart = periodEnd;
    String invoiceRef = subscriptions.openRenewalInvoice(subscriptionId, periodStart);
    status = SubscriptionStatus.PAST_DUE;
    since = Workflow.currentTimeMillis();
    record();
    notify(
        BillingNotice.RENEWAL_UPCOMING,
        invoiceRef,
        new BillingEvent(
            invoiceRef,
            BillingEventKind.RENEWAL_UPCOMING,
            since,
            invoiceRef,
            periodStart,
            0,
            null));
  }

  private void terminate() {
    services.terminate();
    notify(BillingNotice.TERMINATED, "terminated", null);
    status = SubscriptionStatus.TERMINATED;
    since = null;
    record();
    over = true;
  }

  // --- updates ----------------------------------------------------------------------------

  @Override
  public void billingEvent(BillingEvent event) {
    if (event == null || event.id() == null || event.kind() == null) {
      log.warn("Subscription {}: an event without id or kind was dropped", subscriptionId);
      return;
    }
    pending.add(event);
  }

  @Override
  public SubscriptionState changePlan(long planId) {
    busy.lock();
    try {
      refuseIf(changePlanRefusal(planId));
      changes++;
      String key = "subscription-" + subscriptionId + ":plan-change-" + changes + ":" + planId;
      PlanLimits limits = payments.changePlan(subscriptionId, planId, key);
      services.changeLimits(limits);
      forceRecord();
      return state();
    } finally {
      busy.unlock();
    }
  }

  @Override
  public void validateChangePlan(long planId) {
    String refusal = changePlanRefusal(planId);
    if (refusal != null) {
      throw new IllegalStateException(refusal);
    }
  }

  private String changePlanRefusal(long planId) {
    if (planId <= 0) {
      return "Choose the plan to move to.";
    }
    return switch (status) {
      case ACTIVE, PAST_DUE -> null;
      case INCOMPLETE -> "The plan can be changed once the first payment has arrived.";
      case TRIALING -> "A free trial keeps its plan; order a paid plan to move up.";
      case SUSPENDED ->
          "The subscription is suspended for an unpaid invoice; pay it (see Billing), then"
              + " change the plan.";
      case CANCELLED, TERMINATED -> whenEnded(status);
    };
  }

  @Override
  public SubscriptionState cancelAtPeriodEnd(boolean cancel) {
    busy.lock();
    try {
      refuseIf(cancelRefusal(cancel));
      changes++;
      String key = "subscription-" + subscriptionId + ":cancel-" + changes + ":" + cancel;
      payments.cancelAtPeriodEnd(subscriptionId, cancel, key);
      cancelAtPeriodEnd = cancel;
      forceRecord();
      return state();
    } finally {
      busy.unlock();
    }
  }

  @Override
  public void validateCancelAtPeriodEnd(boolean cancel) {
    String refusal = cancelRefusal(cancel);
    if (refusal != null) {
      throw new IllegalStateException(refusal);
    }
  }

  private String cancelRefusal(boolean cancel) {
    return switch (status) {
      case ACTIVE, PAST_DUE -> {
        if (cancel && cancelAtPeriodEnd) {
          yield "The subscription already ends when the current period ends.";
        }
        if (!cancel && !cancelAtPeriodEnd) {
          yield "The subscription is not set to end; there is nothing to reactivate.";
        }
        yield null;
      }
      case INCOMPLETE -> "The subscription is not paid yet; cancel the order instead.";
      case TRIALING -> "A trial simply ends on its last day; there is nothing to cancel.";
      case SUSPENDED ->
          "The subscription is suspended for an unpaid invoice; it ends by itself if the invoice"
              + " stays unpaid.";
      case CANCELLED, TERMINATED -> whenEnded(status);
    };
  }

  @Override
  public String billingPortalUrl(String returnUrl) {
    return payments.billingPortalUrl(subscriptionId, returnUrl);
  }

  @Override
  public void validateBillingPortalUrl(String returnUrl) {
    if (gateway != PaymentMethod.STRIPE) {
      throw new IllegalStateException(
          "This subscription is not paid by card, so there is no payment portal; contact support"
              + " to change how you pay.");
    }
    if (returnUrl == null || returnUrl.isBlank()) {
      throw new IllegalArgumentException("Give the address to come back to after the portal.");
    }
    if (status == SubscriptionStatus.TERMINATED) {
      throw new IllegalStateException(whenEnded(status));
    }
  }

  @Override
  public SubscriptionState state() {
    return new SubscriptionState(status, periodEnd, since, cancelAtPeriodEnd, nextStepAt());
  }

  // --- helpers ----------------------------------------------------------------------------

  private static String whenEnded(SubscriptionStatus status) {
    return status == SubscriptionStatus.TERMINATED
        ? "The subscription was terminated; order a new plan instead."
        : "The subscription was cancelled; order a new plan instead.";
  }

  /** An update that passed its validator, but the status moved on while it waited its turn. */
  private static void refuseIf(String refusal) {
    if (refusal != null) {
      throw ApplicationFailure.newNonRetryableFailure(refusal, "SUBSCRIPTION_STATE");
    }
  }

  private void locked(Runnable step) {
    busy.lock();
    try {
      step.run();
    } finally {
      busy.unlock();
    }
  }

  /** Stores the state on the subscription's row when it changed since it was last stored. */
  private void record() {
    if (!state().equals(recorded)) {
      forceRecord();
    }
  }

  private void forceRecord() {
    SubscriptionState now = state();
    subscriptions.recordState(subscriptionId, now);
    recorded = now;
  }

  private void notify(BillingNotice notice, String key, BillingEvent event) {
    try {
      notices.send(subscriptionId, notice, key, event);
    } catch (ActivityFailure e) {
      log.warn("Subscription {}: the {} e-mail was not sent", subscriptionId, notice, e);
    }
  }
}
