package io.berth.workflows;

import io.berth.workflows.billing.BillingEvent;
import io.berth.workflows.billing.BillingNotice;
import io.berth.workflows.billing.BillingNoticeActivities;
import io.berth.workflows.billing.CheckoutLink;
import io.berth.workflows.billing.CustomerLeftovers;
import io.berth.workflows.billing.PaymentActivities;
import io.berth.workflows.billing.SiteRef;
import io.berth.workflows.billing.SubscriptionActivities;
import io.berth.workflows.billing.SubscriptionState;
import io.berth.workflows.common.FailureType;
import io.berth.workflows.common.PlanLimits;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * In-memory payment gateway, subscription rows and mailer for workflow tests: every call is kept,
 * so a test sees what was charged, refunded, recorded and sent, and how often.
 */
public class FakeBilling
    implements SubscriptionActivities, PaymentActivities, BillingNoticeActivities {

  /** One e-mail sent. */
  public record Notice(BillingNotice notice, String key) {}

  /** One plan change asked of the gateway. */
  public record PlanChange(long planId, String idempotencyKey) {}

  public final List<SubscriptionState> states = new CopyOnWriteArrayList<>();
  public final List<Notice> notices = new CopyOnWriteArrayList<>();
  public final List<Long> checkouts = new CopyOnWriteArrayList<>();
  public final List<Long> refunds = new CopyOnWriteArrayList<>();
  public final List<PlanChange> planChanges = new CopyOnWriteArrayList<>();
  public final List<String> cancellationKeys = new CopyOnWriteArrayList<>();
  public final List<Long> invoicedPeriods = new CopyOnWriteArrayList<>();
  public final Map<Long, PlanLimits> planLimits = new ConcurrentHashMap<>();
  public final Set<String> taskQueues = ConcurrentHashMap.newKeySet();

  /** The subscription's live sites, as the platform DB would list them. */
  public volatile List<SiteRef> sites = List.of();

  /** What the customer holds besides sites when the subscription is terminated. */
  public volatile CustomerLeftovers leftovers = CustomerLeftovers.none();

  /** The SMTP server refuses every e-mail for good. */
  public volatile boolean mailDown;

  public SubscriptionState latest() {
    return states.isEmpty() ? null : states.get(states.size() - 1);
  }

  @Override
  public void recordState(long subscriptionId, SubscriptionState state) {
    ranOn();
    states.add(state);
  }

  @Override
  public List<SiteRef> sites(long subscriptionId) {
    ranOn();
    return sites;
  }

  @Override
  public String openRenewalInvoice(long subscriptionId, long periodStartMillis) {
    ranOn();
    if (!invoicedPeriods.contains(periodStartMillis)) {
      invoicedPeriods.add(periodStartMillis);
    }
    return "berth-" + (100 + invoicedPeriods.indexOf(periodStartMillis));
  }

  @Override
  public CustomerLeftovers leftovers(long subscriptionId) {
    ranOn();
    return leftovers;
  }

  @Override
  public CheckoutLink createCheckout(long orderId) {
    ranOn();
    checkouts.add(orderId);
    return new CheckoutLink(
        "cs_test_" + orderId, "https://checkout.stripe.com/c/pay/cs_test_" + orderId);
  }

  @Override
  public void refundOrder(long orderId) {
    ranOn();
    refunds.add(orderId);
  }

  @Override
  public PlanLimits changePlan(long subscriptionId, long planId, String idempotencyKey) {
    ranOn();
    PlanLimits limits = planLimits.get(planId);
    if (limits == null) {
      throw ApplicationFailure.newNonRetryableFailure(
          "Plan " + planId + " is not for sale", FailureType.NOT_FOUND.type());
    }
    planChanges.add(new PlanChange(planId, idempotencyKey));
    return limits;
  }

  @Override
  public void cancelAtPeriodEnd(long subscriptionId, boolean cancel, String idempotencyKey) {
    ranOn();
    cancellationKeys.add(idempotencyKey);
  }

  @Override
  public String billingPortalUrl(long subscriptionId, String returnUrl) {
    ranOn();
    return "https://billing.stripe.com/p/session/test_" + subscriptionId;
  }

  @Override
  public void send(long subscriptionId, BillingNotice notice, String key, BillingEvent event) {
    ranOn();
    if (mailDown) {
      throw ApplicationFailure.newNonRetryableFailure(
          "SMTP 127.0.0.1:2525 refused the connection", "MAIL_DOWN");
    }
    notices.add(new Notice(notice, key));
  }

  public List<BillingNotice> noticeKinds() {
    return notices.stream().map(Notice::notice).toList();
  }

  private void ranOn() {
    taskQueues.add(Activity.getExecutionContext().getInfo().getActivityTaskQueue());
  }
}
