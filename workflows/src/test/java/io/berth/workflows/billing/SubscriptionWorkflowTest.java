package io.berth.workflows.billing;

import static io.berth.workflows.billing.BillingNotice.CANCELLED;
import static io.berth.workflows.billing.BillingNotice.PAYMENT_FAILED;
import static io.berth.workflows.billing.BillingNotice.RECEIPT;
import static io.berth.workflows.billing.BillingNotice.RENEWAL_UPCOMING;
import static io.berth.workflows.billing.BillingNotice.RESUMED;
import static io.berth.workflows.billing.BillingNotice.SUSPENDED;
import static io.berth.workflows.billing.BillingNotice.TERMINATED;
import static io.berth.workflows.billing.BillingNotice.TRIAL_ENDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.berth.workflows.FakeBilling;
import io.berth.workflows.FakeBilling.Notice;
import io.berth.workflows.FakeBilling.PlanChange;
import io.berth.workflows.FakeHost;
import io.berth.workflows.FakePlatform;
import io.berth.workflows.common.PlanLimits;
import io.berth.workflows.common.TaskQueues;
import io.berth.workflows.domain.DomainRequest;
import io.berth.workflows.domain.DomainWorkflow;
import io.berth.workflows.mail.MailDomainRequest;
import io.berth.workflows.mail.MailDomainWorkflow;
import io.berth.workflows.mail.MailboxRequest;
import io.berth.workflows.mail.MailboxWorkflow;
import io.berth.workflows.site.SiteAction;
import io.berth.workflows.site.SiteRequest;
import io.berth.workflows.site.SiteStatus;
import io.berth.workflows.site.SiteWorkflow;
import io.berth.workflows.site.SiteWorkflowImpl;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.WorkflowExecutionStartedEventAttributes;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class SubscriptionWorkflowTest {

  private static final long SUBSCRIPTION = 5;
  private static final long CUSTOMER = 3;
  private static final long ORDER = 7;
  private static final long SITE = 11;
  private static final long OTHER_SITE = 12;
  private static final String ID = SubscriptionWorkflow.workflowId(SUBSCRIPTION);
  private static final Duration PERIOD = Duration.ofDays(30);
  private static final Duration DAY = Duration.ofDays(1);
  private static final PlanLimits SMALL = new PlanLimits(250, 128, 1024, 2);
  private static final PlanLimits LARGE = new PlanLimits(1000, 512, 4096, 5);

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private final FakeBilling billing = new FakeBilling();
  private final FakePlatform platform = new FakePlatform();
  private final FakeHost host = new FakeHost();
  private SubscriptionWorkflow subscription;
  private String firstRunId;

  @BeforeEach
  void startEnvironment() {
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .registerSearchAttribute("BerthStep", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
                .build());
    Worker control = env.newWorker(TaskQueues.CONTROL);
    control.registerWorkflowImplementationTypes(
        SubscriptionWorkflowImpl.class,
        SiteWorkflowImpl.class,
        LeftoverWorkflows.Domain.class,
        LeftoverWorkflows.MailDomain.class,
        LeftoverWorkflows.Mailbox.class);
    control.registerActivitiesImplementations(billing, platform);
    env.newWorker(TaskQueues.host(FakePlatform.HOST)).registerActivitiesImplementations(host);
    env.start();
    client = env.getWorkflowClient();
    LeftoverWorkflows.REMOVALS.clear();
    billing.sites =
        List.of(new SiteRef(SITE, FakePlatform.HOST), new SiteRef(OTHER_SITE, FakePlatform.HOST));
    billing.planLimits.put(2L, LARGE);
    billing.planLimits.put(3L, SMALL);
    startSite(SITE);
    startSite(OTHER_SITE);
  }

  @AfterEach
  void stopEnvironment(TestInfo test) throws IOException {
    recordHistories(test);
    env.close();
  }

  @Test
  void givenACheckoutIsPaid_theSubscriptionIsActive_andOneReceiptIsSent() {
    start(SubscriptionStatus.INCOMPLETE, PaymentMethod.STRIPE, null);
    long periodEnd = now() + PERIOD.toMillis();

    subscription.billingEvent(paid("evt_checkout", "in_first", periodEnd));
    // Stripe reports the same first invoice once more as invoice.paid.
    subscription.billingEvent(paid("evt_invoice_paid", "in_first", periodEnd));

    awaitStatus(SubscriptionStatus.ACTIVE);
    await().until(() -> !billing.notices.isEmpty());
    assertThat(subscription.state())
        .isEqualTo(new SubscriptionState(SubscriptionStatus.ACTIVE, periodEnd, null, false, null));
    assertThat(billing.latest()).isEqualTo(subscription.state());
    assertThat(billing.notices).containsExactly(new Notice(RECEIPT, "in_first"));
    assertThat(host.containers).containsEntry(SITE, "running").containsEntry(OTHER_SITE, "running");
    assertThat(billing.taskQueues).containsOnly(TaskQueues.CONTROL);
  }

  @Test
  void givenARenewalFails_theSitesAreSuspendedAfterTheGrace_andResumedWhenItIsPaid() {
    long periodEnd = startActive(PaymentMethod.STRIPE);
    long failedAt = now();

    subscription.billingEvent(event("evt_failed", BillingEventKind.PAYMENT_FAILED, failedAt));
    awaitStatus(SubscriptionStatus.PAST_DUE);
    assertThat(subscription.state().sinceMillis()).isEqualTo(failedAt);
    assertThat(subscription.state().nextStepAtMillis())
        .isEqualTo(failedAt + Duration.ofDays(7).toMillis());
    await().until(() -> billing.noticeKinds().contains(PAYMENT_FAILED));
    assertThat(host.containers).containsEntry(SITE, "running");

    env.sleep(Duration.ofDays(7));
    awaitStatus(SubscriptionStatus.SUSPENDED);
    await().until(() -> billing.noticeKinds().contains(SUSPENDED));
    await().until(() -> platform.sites.get(OTHER_SITE) == SiteStatus.SUSPENDED);
    assertThat(host.containers).containsEntry(SITE, "exited").containsEntry(OTHER_SITE, "exited");
    assertThat(host.suspendedRoutes).containsExactlyInAnyOrder(SITE, OTHER_SITE);
    assertThat(subscription.state().nextStepAtMillis())
        .isEqualTo(subscription.state().sinceMillis() + Duration.ofDays(30).toMillis());

    long nextPeriodEnd = periodEnd + PERIOD.toMillis();
    subscription.billingEvent(paid("evt_paid", "in_renewal", nextPeriodEnd));
    awaitStatus(SubscriptionStatus.ACTIVE);
    await().until(() -> billing.noticeKinds().contains(RECEIPT));
    await().until(() -> platform.sites.get(OTHER_SITE) == SiteStatus.RUNNING);
    assertThat(host.containers).containsEntry(SITE, "running").containsEntry(OTHER_SITE, "running");
    assertThat(host.suspendedRoutes).isEmpty();
    assertThat(platform.sites).containsEntry(SITE, SiteStatus.RUNNING);
    assertThat(subscription.state())
        .isEqualTo(
            new SubscriptionState(SubscriptionStatus.ACTIVE, nextPeriodEnd, null, false, null));
    assertThat(billing.states)
        .extracting(SubscriptionState::status)
        .containsExactly(
            SubscriptionStatus.PAST_DUE, SubscriptionStatus.SUSPENDED, SubscriptionStatus.ACTIVE);
    assertThat(billing.notices)
        .containsExactly(
            new Notice(PAYMENT_FAILED, "evt_failed"),
            new Notice(SUSPENDED, "at-" + billing.states.get(1).sinceMillis()),
            new Notice(RESUMED, "evt_paid"),
            new Notice(RECEIPT, "in_renewal"));
  }

  @Test
  void givenAFailedRenewal_onDaySixOfTheGrace_nothingIsSuspended() {
    startActive(PaymentMethod.STRIPE);
    subscription.billingEvent(event("evt_failed", BillingEventKind.PAYMENT_FAILED, now()));
    awaitStatus(SubscriptionStatus.PAST_DUE);

    env.sleep(Duration.ofDays(6));

    assertThat(subscription.state().status()).isEqualTo(SubscriptionStatus.PAST_DUE);
    assertThat(host.containers).containsEntry(SITE, "running").containsEntry(OTHER_SITE, "running");
    assertThat(host.suspendedRoutes).isEmpty();
    assertThat(platform.sites).containsEntry(SITE, SiteStatus.RUNNING);
    assertThat(billing.noticeKinds()).doesNotContain(SUSPENDED);
  }

  @Test
  void givenASuspendedSubscription_after30Days_everythingIsRemoved_andTheWorkflowEnds() {
    billing.leftovers = new CustomerLeftovers(List.of(31L), List.of(41L), List.of(51L, 52L));
    startLeftovers();
    startActive(PaymentMethod.STRIPE);
    subscription.billingEvent(event("evt_failed", BillingEventKind.PAYMENT_FAILED, now()));
    awaitStatus(SubscriptionStatus.PAST_DUE);
    env.sleep(Duration.ofDays(7));
    awaitStatus(SubscriptionStatus.SUSPENDED);

    env.sleep(Duration.ofDays(29));
    assertThat(subscription.state().status()).isEqualTo(SubscriptionStatus.SUSPENDED);
    assertThat(host.volumes).contains(SITE, OTHER_SITE);

    env.sleep(DAY);
    WorkflowStub.fromTyped(subscription).getResult(Void.class);

    assertThat(status()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
    await().until(() -> platform.sites.get(OTHER_SITE) == SiteStatus.DELETED);
    assertThat(platform.sites).containsEntry(SITE, SiteStatus.DELETED);
    assertThat(host.containers).isEmpty();
    assertThat(host.routes).isEmpty();
    assertThat(host.volumes).isEmpty();
    assertThat(LeftoverWorkflows.REMOVALS)
        .containsExactlyInAnyOrder(
            "domain-31 remove", "maildomain-41 turnOff", "mailbox-51 delete");
    assertThat(billing.latest().status()).isEqualTo(SubscriptionStatus.TERMINATED);
    assertThat(billing.latest().nextStepAtMillis()).isNull();
    assertThat(billing.noticeKinds()).endsWith(SUSPENDED, TERMINATED);
  }

  @Test
  void theSameEventDeliveredThreeTimes_hasOneEffect() {
    startActive(PaymentMethod.STRIPE);
    BillingEvent failed = event("evt_failed", BillingEventKind.PAYMENT_FAILED, now());
    for (int i = 0; i < 3; i++) {
      subscription.billingEvent(failed);
    }
    awaitStatus(SubscriptionStatus.PAST_DUE);
    BillingEvent paid = paid("evt_paid", "in_2", now() + PERIOD.toMillis());
    for (int i = 0; i < 3; i++) {
      subscription.billingEvent(paid);
    }
    awaitStatus(SubscriptionStatus.ACTIVE);
    await().until(() -> billing.noticeKinds().contains(RECEIPT));
    // A different event about the same paid invoice counts nothing either.
    subscription.billingEvent(paid("evt_invoice_paid", "in_2", now() + PERIOD.toMillis()));
    subscription.billingEvent(paid);

    await().until(() -> subscription.state().status() == SubscriptionStatus.ACTIVE);
    assertThat(billing.states)
        .extracting(SubscriptionState::status)
        .containsExactly(SubscriptionStatus.PAST_DUE, SubscriptionStatus.ACTIVE);
    assertThat(billing.notices)
        .containsExactly(
            new Notice(PAYMENT_FAILED, "evt_failed"),
            new Notice(RESUMED, "evt_paid"),
            new Notice(RECEIPT, "in_2"));
  }

  @Test
  void aPaymentFailureOlderThanThePaymentAlreadyApplied_isIgnored() {
    long periodEnd = startActive(PaymentMethod.STRIPE);
    long paidAt = now();
    subscription.billingEvent(
        new BillingEvent(
            "evt_paid",
            BillingEventKind.PAID,
            paidAt,
            "in_2",
            periodEnd + PERIOD.toMillis(),
            1500,
            "eur"));
    await().until(() -> billing.noticeKinds().contains(RECEIPT));

    subscription.billingEvent(
        event("evt_failed_earlier", BillingEventKind.PAYMENT_FAILED, paidAt - 3_600_000));
    subscription.billingEvent(
        event("evt_upcoming", BillingEventKind.RENEWAL_UPCOMING, paidAt - 7_200_000));
    await().until(() -> billing.noticeKinds().contains(RENEWAL_UPCOMING));

    assertThat(subscription.state().status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(subscription.state().periodEndMillis()).isEqualTo(periodEnd + PERIOD.toMillis());
    assertThat(billing.noticeKinds()).containsExactly(RECEIPT, RENEWAL_UPCOMING);
    assertThat(billing.states)
        .extracting(SubscriptionState::status)
        .doesNotContain(SubscriptionStatus.PAST_DUE);
  }

  @Test
  void cancelledAtPeriodEnd_itIsCancelledWhenThePeriodEnds_andRemovedAfter30Days() {
    long periodEnd = startActive(PaymentMethod.STRIPE);

    SubscriptionState answer = subscription.cancelAtPeriodEnd(true);

    assertThat(answer.cancelAtPeriodEnd()).isTrue();
    assertThat(answer.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(billing.cancellationKeys).containsExactly("subscription-5:cancel-1:true");
    assertThat(billing.latest()).isEqualTo(answer);

    env.sleep(PERIOD.minus(DAY));
    assertThat(subscription.state().status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(host.containers).containsEntry(SITE, "running");

    env.sleep(DAY);
    awaitStatus(SubscriptionStatus.CANCELLED);
    await().until(() -> billing.noticeKinds().contains(CANCELLED));
    await().until(() -> platform.sites.get(OTHER_SITE) == SiteStatus.SUSPENDED);
    SubscriptionState cancelled = subscription.state();
    assertThat(cancelled.sinceMillis()).isGreaterThanOrEqualTo(periodEnd);
    assertThat(cancelled.nextStepAtMillis())
        .isEqualTo(cancelled.sinceMillis() + Duration.ofDays(30).toMillis());
    assertThat(host.containers).containsEntry(SITE, "exited").containsEntry(OTHER_SITE, "exited");
    assertThat(host.volumes).contains(SITE, OTHER_SITE);

    env.sleep(Duration.ofDays(30));
    WorkflowStub.fromTyped(subscription).getResult(Void.class);
    assertThat(billing.latest().status()).isEqualTo(SubscriptionStatus.TERMINATED);
    await().until(host::holdsNoSite);
    assertThat(billing.noticeKinds()).containsExactly(CANCELLED, TERMINATED);
  }

  @Test
  void reactivatedBeforeThePeriodEnds_itStaysActive() {
    long periodEnd = startActive(PaymentMethod.STRIPE);
    subscription.cancelAtPeriodEnd(true);
    env.sleep(Duration.ofDays(10));

    SubscriptionState answer = subscription.cancelAtPeriodEnd(false);

    assertThat(answer)
        .isEqualTo(new SubscriptionState(SubscriptionStatus.ACTIVE, periodEnd, null, false, null));
    assertThat(billing.cancellationKeys)
        .containsExactly("subscription-5:cancel-1:true", "subscription-5:cancel-2:false");
    env.sleep(Duration.ofDays(25));
    assertThat(subscription.state().status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(host.containers).containsEntry(SITE, "running");
    assertThat(billing.notices).isEmpty();
  }

  @Test
  void theGatewaysCancelAndReactivateEvents_setAndClearTheCancellation() {
    startActive(PaymentMethod.STRIPE);
    long at = now();

    subscription.billingEvent(event("evt_cancel", BillingEventKind.CANCEL_AT_PERIOD_END, at));
    await().until(() -> subscription.state().cancelAtPeriodEnd());
    assertThat(billing.latest().cancelAtPeriodEnd()).isTrue();

    subscription.billingEvent(event("evt_reactivate", BillingEventKind.REACTIVATED, at + 1000));
    await().until(() -> !subscription.state().cancelAtPeriodEnd());
    assertThat(billing.latest().cancelAtPeriodEnd()).isFalse();
    assertThat(billing.cancellationKeys).as("the gateway told us; nothing to tell it").isEmpty();
  }

  @Test
  void givenABankTransfer_thePeriodEndOpensTheRenewalInvoice_andSupportsPaymentRenewsIt() {
    long periodEnd = startActive(PaymentMethod.BANK_TRANSFER);

    env.sleep(PERIOD);
    awaitStatus(SubscriptionStatus.PAST_DUE);
    assertThat(billing.invoicedPeriods).containsExactly(periodEnd);
    await().until(() -> billing.noticeKinds().contains(RENEWAL_UPCOMING));
    assertThat(billing.notices).containsExactly(new Notice(RENEWAL_UPCOMING, "berth-100"));
    SubscriptionState pastDue = subscription.state();
    assertThat(pastDue.nextStepAtMillis())
        .isEqualTo(pastDue.sinceMillis() + Duration.ofDays(7).toMillis());
    assertThat(host.containers).containsEntry(SITE, "running");

    long nextPeriodEnd = periodEnd + PERIOD.toMillis();
    subscription.billingEvent(
        new BillingEvent(
            "invoice-100:paid",
            BillingEventKind.PAID,
            now(),
            "berth-100",
            nextPeriodEnd,
            1500,
            "EUR"));
    awaitStatus(SubscriptionStatus.ACTIVE);
    assertThat(subscription.state())
        .isEqualTo(
            new SubscriptionState(SubscriptionStatus.ACTIVE, nextPeriodEnd, null, false, null));
    await().until(() -> billing.noticeKinds().contains(RECEIPT));

    env.sleep(PERIOD);
    awaitStatus(SubscriptionStatus.PAST_DUE);
    assertThat(billing.invoicedPeriods).containsExactly(periodEnd, nextPeriodEnd);
  }

  @Test
  void givenATrialThatEndsUnpaid_itIsSuspended() {
    long trialEnd = now() + Duration.ofDays(14).toMillis();
    start(SubscriptionStatus.TRIALING, PaymentMethod.NONE, trialEnd);

    env.sleep(Duration.ofDays(11));
    subscription.billingEvent(event("evt_trial_ending", BillingEventKind.TRIAL_ENDING, now()));
    await().until(() -> billing.noticeKinds().contains(TRIAL_ENDING));
    assertThat(host.containers).containsEntry(SITE, "running");

    env.sleep(Duration.ofDays(3));
    awaitStatus(SubscriptionStatus.SUSPENDED);
    await().until(() -> platform.sites.get(OTHER_SITE) == SiteStatus.SUSPENDED);
    assertThat(host.containers).containsEntry(SITE, "exited").containsEntry(OTHER_SITE, "exited");
    assertThat(host.suspendedRoutes).containsExactlyInAnyOrder(SITE, OTHER_SITE);
    await().until(() -> billing.noticeKinds().contains(SUSPENDED));
    assertThat(subscription.state().sinceMillis()).isGreaterThanOrEqualTo(trialEnd);
  }

  @Test
  void givenATrial_aPaymentConvertsItToActive() {
    long trialEnd = now() + Duration.ofDays(14).toMillis();
    start(SubscriptionStatus.TRIALING, PaymentMethod.NONE, trialEnd);
    long paidUntil = trialEnd + PERIOD.toMillis();

    subscription.billingEvent(paid("invoice-9:paid", "berth-9", paidUntil));

    awaitStatus(SubscriptionStatus.ACTIVE);
    assertThat(subscription.state().periodEndMillis()).isEqualTo(paidUntil);
    env.sleep(Duration.ofDays(15));
    assertThat(subscription.state().status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(host.containers).containsEntry(SITE, "running");
  }

  @Test
  void changingThePlan_asksTheGatewayWithAKeyPerChange_andEverySiteGetsTheNewLimits() {
    startActive(PaymentMethod.STRIPE);

    SubscriptionState answer = subscription.changePlan(2);

    assertThat(answer.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(billing.planChanges)
        .containsExactly(new PlanChange(2, "subscription-5:plan-change-1:2"));
    await().until(() -> LARGE.equals(host.limits.get(OTHER_SITE)));
    assertThat(host.limits).containsEntry(SITE, LARGE);
    assertThat(host.containers).containsEntry(SITE, "running");
    assertThat(host.containerCreations).as("limits changed in place").hasValue(2);

    subscription.changePlan(3);
    assertThat(billing.planChanges)
        .containsExactly(
            new PlanChange(2, "subscription-5:plan-change-1:2"),
            new PlanChange(3, "subscription-5:plan-change-2:3"));
    await().until(() -> SMALL.equals(host.limits.get(OTHER_SITE)));
    assertThat(host.limits).containsEntry(SITE, SMALL);
  }

  @Test
  void aPlanTheGatewayRefuses_answersTheReason_andChangesNothing() {
    startActive(PaymentMethod.STRIPE);

    assertThatThrownBy(() -> subscription.changePlan(99))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("Plan 99 is not for sale");

    assertThat(host.limits).containsEntry(SITE, SMALL);
    assertThat(subscription.state().status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(status()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
  }

  @Test
  void updatesThatDoNotFitTheSubscription_areRefusedWithWhatToDo() {
    start(SubscriptionStatus.INCOMPLETE, PaymentMethod.BANK_TRANSFER, null);

    assertRefused(
        () -> subscription.changePlan(2),
        "The plan can be changed once the first payment has arrived.");
    assertRefused(
        () -> subscription.cancelAtPeriodEnd(true),
        "The subscription is not paid yet; cancel the order instead.");
    assertRefused(
        () -> subscription.billingPortalUrl("http://127.0.0.1:8080/billing"), "not paid by card");

    subscription.billingEvent(paid("order-7:paid", null, now() + PERIOD.toMillis()));
    awaitStatus(SubscriptionStatus.ACTIVE);
    assertRefused(
        () -> subscription.cancelAtPeriodEnd(false),
        "The subscription is not set to end; there is nothing to reactivate.");
    subscription.cancelAtPeriodEnd(true);
    assertRefused(
        () -> subscription.cancelAtPeriodEnd(true),
        "The subscription already ends when the current period ends.");
    assertRefused(() -> subscription.changePlan(0), "Choose the plan to move to.");

    assertThat(billing.planChanges).isEmpty();
    assertThat(billing.cancellationKeys).containsExactly("subscription-5:cancel-1:true");
  }

  @Test
  void aTrialCannotBeCancelledOrChanged_andAStripeSubscriptionOpensItsPortal() {
    start(SubscriptionStatus.TRIALING, PaymentMethod.NONE, now() + Duration.ofDays(14).toMillis());
    assertRefused(
        () -> subscription.cancelAtPeriodEnd(true),
        "A trial simply ends on its last day; there is nothing to cancel.");
    assertRefused(
        () -> subscription.changePlan(2),
        "A free trial keeps its plan; order a paid plan to move up.");
    WorkflowStub.fromTyped(subscription).terminate("next case");

    start(SubscriptionStatus.ACTIVE, PaymentMethod.STRIPE, now() + PERIOD.toMillis());
    assertRefused(
        () -> subscription.billingPortalUrl(" "),
        "Give the address to come back to after the portal.");
    assertThat(subscription.billingPortalUrl("http://127.0.0.1:8080/billing"))
        .isEqualTo("https://billing.stripe.com/p/session/test_5");
  }

  @Test
  void aSuspendedSubscription_refusesPlanChanges_untilItIsPaid() {
    startActive(PaymentMethod.STRIPE);
    subscription.billingEvent(event("evt_failed", BillingEventKind.PAYMENT_FAILED, now()));
    awaitStatus(SubscriptionStatus.PAST_DUE);
    env.sleep(Duration.ofDays(7));
    awaitStatus(SubscriptionStatus.SUSPENDED);

    assertRefused(
        () -> subscription.changePlan(2),
        "The subscription is suspended for an unpaid invoice; pay it (see Billing), then change"
            + " the plan.");
    await().until(() -> platform.sites.get(OTHER_SITE) == SiteStatus.SUSPENDED);
    assertThatThrownBy(() -> siteStub(SITE).perform(SiteAction.START))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("suspended because its plan is unpaid");
  }

  @Test
  void eachPaidPeriod_continuesAsNew_carryingTheWholeState() {
    long periodEnd = startActive(PaymentMethod.STRIPE);
    subscription.changePlan(2);
    subscription.cancelAtPeriodEnd(true);
    subscription.billingEvent(event("evt_upcoming", BillingEventKind.RENEWAL_UPCOMING, now()));
    await().until(() -> billing.noticeKinds().contains(RENEWAL_UPCOMING));

    long nextPeriodEnd = periodEnd + PERIOD.toMillis();
    long paidAt = now();
    BillingEvent paid =
        new BillingEvent(
            "evt_paid", BillingEventKind.PAID, paidAt, "in_2", nextPeriodEnd, 900, "eur");
    subscription.billingEvent(paid);
    await().until(() -> !firstRunId.equals(currentRunId()));

    assertThat(client.fetchHistory(ID, firstRunId).getLastEvent().getEventType())
        .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
    SubscriptionRequest carried = inputOfLatestRun();
    assertThat(carried.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(carried.periodEndMillis()).isEqualTo(nextPeriodEnd);
    assertThat(carried.cancelAtPeriodEnd()).isTrue();
    assertThat(carried.lastEventAtMillis()).isEqualTo(paidAt);
    assertThat(carried.paidInvoices()).containsExactly("in_2");
    assertThat(carried.handledEvents()).containsExactly("evt_upcoming", "evt_paid");
    assertThat(carried.changes()).isEqualTo(2);
    assertThat(subscription.state())
        .isEqualTo(
            new SubscriptionState(SubscriptionStatus.ACTIVE, nextPeriodEnd, null, true, null));

    // The new run still knows what the old one did.
    subscription.billingEvent(paid);
    subscription.billingEvent(event("evt_upcoming", BillingEventKind.RENEWAL_UPCOMING, now()));
    subscription.changePlan(3);
    assertThat(billing.planChanges)
        .extracting(PlanChange::idempotencyKey)
        .containsExactly("subscription-5:plan-change-1:2", "subscription-5:plan-change-3:3");
    assertThat(billing.notices)
        .containsExactly(new Notice(RENEWAL_UPCOMING, "evt_upcoming"), new Notice(RECEIPT, "in_2"));
  }

  @Test
  void givenTheMailServerIsDown_theLifecycleGoesOnWithoutTheEmails() {
    billing.mailDown = true;
    startActive(PaymentMethod.STRIPE);

    subscription.billingEvent(event("evt_failed", BillingEventKind.PAYMENT_FAILED, now()));
    awaitStatus(SubscriptionStatus.PAST_DUE);
    env.sleep(Duration.ofDays(7));
    awaitStatus(SubscriptionStatus.SUSPENDED);

    await().until(() -> platform.sites.get(OTHER_SITE) == SiteStatus.SUSPENDED);
    assertThat(host.containers).containsEntry(SITE, "exited");
    assertThat(billing.notices).isEmpty();
  }

  @Test
  void givenAnUnpaidOrderThatEnds_theSubscriptionIsCancelled_andTheWorkflowEnds() {
    start(SubscriptionStatus.INCOMPLETE, PaymentMethod.STRIPE, null);

    subscription.billingEvent(event("order-7:ended", BillingEventKind.ENDED, 0));

    WorkflowStub.fromTyped(subscription).getResult(Void.class);
    assertThat(billing.states)
        .containsExactly(
            new SubscriptionState(SubscriptionStatus.CANCELLED, null, null, false, null));
    assertThat(billing.notices).isEmpty();
    assertThat(host.containers).containsEntry(SITE, "running");
  }

  @Test
  void givenTheGatewayEndsAnActiveSubscription_theSitesStop_andAreRemovedAfter30Days() {
    startActive(PaymentMethod.STRIPE);

    subscription.billingEvent(event("evt_deleted", BillingEventKind.ENDED, now()));

    awaitStatus(SubscriptionStatus.CANCELLED);
    await().until(() -> platform.sites.get(OTHER_SITE) == SiteStatus.SUSPENDED);
    assertThat(host.containers).containsEntry(SITE, "exited");
    await().until(() -> billing.noticeKinds().contains(CANCELLED));

    env.sleep(Duration.ofDays(30));
    WorkflowStub.fromTyped(subscription).getResult(Void.class);
    assertThat(billing.latest().status()).isEqualTo(SubscriptionStatus.TERMINATED);
    await().until(host::holdsNoSite);
  }

  // --- helpers ----------------------------------------------------------------------------

  private void startSite(long siteId) {
    SiteWorkflow site =
        client.newWorkflowStub(
            SiteWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(SiteWorkflow.workflowId(siteId))
                .setTaskQueue(TaskQueues.CONTROL)
                .build());
    WorkflowClient.start(
        site::run,
        new SiteRequest(
            siteId,
            CUSTOMER,
            ORDER,
            "site" + siteId,
            "static",
            SMALL,
            FakePlatform.HOST,
            20000 + (int) siteId,
            false,
            SiteStatus.PROVISIONING,
            null));
    await().until(() -> platform.sites.get(siteId) == SiteStatus.RUNNING);
  }

  private void startLeftovers() {
    WorkflowClient.start(
        leftover(DomainWorkflow.class, DomainWorkflow.workflowId(31))::run, (DomainRequest) null);
    WorkflowClient.start(
        leftover(MailDomainWorkflow.class, MailDomainWorkflow.workflowId(41))::run,
        (MailDomainRequest) null);
    WorkflowClient.start(
        leftover(MailboxWorkflow.class, MailboxWorkflow.workflowId(51))::run,
        (MailboxRequest) null);
  }

  private <T> T leftover(Class<T> type, String workflowId) {
    return client.newWorkflowStub(
        type,
        WorkflowOptions.newBuilder()
            .setWorkflowId(workflowId)
            .setTaskQueue(TaskQueues.CONTROL)
            .build());
  }

  private void start(SubscriptionStatus status, PaymentMethod gateway, Long periodEnd) {
    subscription =
        client.newWorkflowStub(
            SubscriptionWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(ID)
                .setTaskQueue(TaskQueues.CONTROL)
                .build());
    firstRunId =
        WorkflowClient.start(
                subscription::run,
                new SubscriptionRequest(
                    SUBSCRIPTION,
                    CUSTOMER,
                    ORDER,
                    gateway,
                    status,
                    periodEnd,
                    null,
                    false,
                    0,
                    List.of(),
                    DunningPolicy.DEFAULT))
            .getRunId();
  }

  /** An active subscription whose first period was paid just now; answers its period end. */
  private long startActive(PaymentMethod gateway) {
    long periodEnd = now() + PERIOD.toMillis();
    start(SubscriptionStatus.ACTIVE, gateway, periodEnd);
    return periodEnd;
  }

  private static BillingEvent paid(String id, String invoiceRef, long periodEnd) {
    return new BillingEvent(id, BillingEventKind.PAID, 0, invoiceRef, periodEnd, 1500, "eur");
  }

  private static BillingEvent event(String id, BillingEventKind kind, long at) {
    return new BillingEvent(id, kind, at, null, null, 0, null);
  }

  private void awaitStatus(SubscriptionStatus status) {
    await().until(() -> subscription.state().status() == status);
    await().until(() -> billing.latest() != null && billing.latest().status() == status);
  }

  private static void assertRefused(Runnable update, String reason) {
    assertThatThrownBy(update::run)
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining(reason);
  }

  private long now() {
    return env.currentTimeMillis();
  }

  private SiteWorkflow siteStub(long siteId) {
    return client.newWorkflowStub(SiteWorkflow.class, SiteWorkflow.workflowId(siteId));
  }

  private WorkflowExecutionStatus status() {
    return client.newUntypedWorkflowStub(ID).describe().getStatus();
  }

  private String currentRunId() {
    return client.newUntypedWorkflowStub(ID).describe().getExecution().getRunId();
  }

  private SubscriptionRequest inputOfLatestRun() {
    WorkflowExecutionStartedEventAttributes started =
        client
            .fetchHistory(ID)
            .getHistory()
            .getEvents(0)
            .getWorkflowExecutionStartedEventAttributes();
    return DefaultDataConverter.newDefaultInstance()
        .fromPayloads(
            0,
            Optional.of(started.getInput()),
            SubscriptionRequest.class,
            SubscriptionRequest.class);
  }

  /**
   * With {@code -Dberth.recordHistories=<dir>}, keeps the subscription's history and the first
   * site's for {@code WorkflowReplayTest}.
   */
  private void recordHistories(TestInfo test) throws IOException {
    String dir = System.getProperty("berth.recordHistories");
    if (dir == null) {
      return;
    }
    String name = test.getTestMethod().orElseThrow().getName();
    Files.writeString(
        Path.of(dir, name + ".subscription.json"), client.fetchHistory(ID).toJson(true));
    Files.writeString(
        Path.of(dir, name + ".site.json"),
        client.fetchHistory(SiteWorkflow.workflowId(SITE)).toJson(true));
  }
}
