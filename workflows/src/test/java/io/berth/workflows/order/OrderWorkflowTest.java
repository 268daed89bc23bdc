package io.berth.workflows.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.berth.workflows.FakeBilling;
import io.berth.workflows.FakeHost;
import io.berth.workflows.FakePlatform;
import io.berth.workflows.billing.BillingEvent;
import io.berth.workflows.billing.BillingEventKind;
import io.berth.workflows.billing.BillingNotice;
import io.berth.workflows.billing.DunningPolicy;
import io.berth.workflows.billing.PaymentMethod;
import io.berth.workflows.billing.SubscriptionRequest;
import io.berth.workflows.billing.SubscriptionState;
import io.berth.workflows.billing.SubscriptionStatus;
import io.berth.workflows.billing.SubscriptionWorkflow;
import io.berth.workflows.billing.SubscriptionWorkflowImpl;
import io.berth.workflows.common.BerthSearchAttributes;
import io.berth.workflows.common.PlanLimits;
import io.berth.workflows.common.TaskQueues;
import io.berth.workflows.database.DatabaseRequest;
import io.berth.workflows.database.DatabaseStatus;
import io.berth.workflows.database.DatabaseWorkflow;
import io.berth.workflows.database.DatabaseWorkflowImpl;
import io.berth.workflows.progress.Progress;
import io.berth.workflows.progress.ProgressReader;
import io.berth.workflows.progress.Step;
import io.berth.workflows.progress.StepState;
import io.berth.workflows.site.SiteAction;
import io.berth.workflows.site.SitePlan;
import io.berth.workflows.site.SiteStatus;
import io.berth.workflows.site.SiteWorkflow;
import io.berth.workflows.site.SiteWorkflowImpl;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.common.SearchAttributes;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class OrderWorkflowTest {

  private static final long ORDER = 7;
  private static final long SITE = 11;
  private static final long CUSTOMER = 3;
  private static final long DATABASE = 42;
  private static final long SUBSCRIPTION = 5;

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private final FakePlatform platform = new FakePlatform();
  private final FakeHost host = new FakeHost();
  private final FakeBilling billing = new FakeBilling();

  @BeforeEach
  void startEnvironment() {
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .registerSearchAttribute(
                    "BerthCustomerId", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
                .registerSearchAttribute(
                    "BerthOrderId", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
                .registerSearchAttribute("BerthSiteId", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
                .registerSearchAttribute("BerthStep", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
                .build());
    Worker control = env.newWorker(TaskQueues.CONTROL);
    control.registerWorkflowImplementationTypes(
        OrderWorkflowImpl.class,
        SiteWorkflowImpl.class,
        DatabaseWorkflowImpl.class,
        SubscriptionWorkflowImpl.class);
    control.registerActivitiesImplementations(platform, billing);
    env.newWorker(TaskQueues.host(FakePlatform.HOST)).registerActivitiesImplementations(host);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void stopEnvironment(TestInfo test) throws IOException {
    host.slowHealth = false;
    recordHistories(test);
    env.close();
  }

  @Test
  void givenTrial_whenOrdering_itProvisionsTheSiteAndActivatesTheOrder() {
    OrderWorkflow order = orderStub();
    order.run(request(false));

    assertThat(platform.orders).containsEntry(ORDER, OrderStatus.ACTIVE);
    assertThat(platform.sites).containsEntry(SITE, SiteStatus.RUNNING);
    assertThat(host.containers).containsOnlyKeys(SITE);
    assertThat(host.routes).containsOnly(SITE);
    assertThat(host.networks).containsOnly(CUSTOMER);
    assertThat(states(progress()))
        .containsExactly(
            Map.entry("payment", StepState.SKIPPED),
            Map.entry("placement", StepState.DONE),
            Map.entry("network", StepState.DONE),
            Map.entry("database", StepState.SKIPPED),
            Map.entry("container", StepState.DONE),
            Map.entry("install", StepState.SKIPPED),
            Map.entry("route", StepState.DONE),
            Map.entry("health check", StepState.DONE),
            Map.entry("done", StepState.DONE));
    assertThat(siteStub().status()).isEqualTo(SiteStatus.RUNNING);
  }

  @Test
  void givenPaidPlan_whenOrdering_itWaitsForPaymentThenProvisions() {
    OrderWorkflow order = orderStub();
    WorkflowClient.start(order::run, request(true));

    await().untilAsserted(() -> assertThat(step("payment").state()).isEqualTo(StepState.RUNNING));
    env.sleep(Duration.ofDays(3));
    assertThat(host.containers).isEmpty();
    assertThat(step("placement").state()).isEqualTo(StepState.PENDING);

    order.paymentReceived("bank-transfer:support@berth.test");
    WorkflowStub.fromTyped(order).getResult(Void.class);
    assertThat(platform.orders).containsEntry(ORDER, OrderStatus.ACTIVE);
    assertThat(step("payment").state()).isEqualTo(StepState.DONE);
  }

  @Test
  void givenDockerUnreachable_whenOrdering_theContainerStepShowsRetryingWithTheReason() {
    host.transientContainerFailures = 3;
    OrderWorkflow order = orderStub();
    WorkflowClient.start(order::run, request(false));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              Step container = step("container");
              assertThat(container.state()).isEqualTo(StepState.RETRYING);
              assertThat(container.attempt()).isGreaterThanOrEqualTo(2);
              assertThat(container.error()).contains("Docker engine unreachable");
            });

    WorkflowStub.fromTyped(order).getResult(Void.class);
    assertThat(host.containerAttempts).hasValue(4);
    assertThat(host.containers).hasSize(1);
    assertThat(step("container").state()).isEqualTo(StepState.DONE);
  }

  @Test
  void givenSiteNeverHealthy_whenOrdering_itTearsDownAndFailsTheOrderWithTheReason() {
    host.unhealthy = true;
    OrderWorkflow order = orderStub();

    assertThatThrownBy(() -> order.run(request(false))).isInstanceOf(WorkflowFailedException.class);

    assertThat(host.isEmpty()).as("route, container, its files and network removed").isTrue();
    assertThat(platform.orders).containsEntry(ORDER, OrderStatus.FAILED);
    assertThat(platform.orderReasons.get(ORDER))
        .isEqualTo("The site did not answer through the proxy");
    assertThat(platform.sites).containsEntry(SITE, SiteStatus.FAILED);
    Step health = step("health check");
    assertThat(health.state()).isEqualTo(StepState.FAILED);
    assertThat(health.error()).isEqualTo("The site did not answer through the proxy");
  }

  @Test
  void givenProvisioning_whenOrderCancelled_itRemovesEverythingAndRecordsCancelled() {
    host.slowHealth = true;
    OrderWorkflow order = orderStub();
    WorkflowClient.start(order::run, request(false));
    await().until(() -> host.routes.contains(SITE));

    WorkflowStub.fromTyped(order).cancel();

    await()
        .untilAsserted(
            () -> assertThat(platform.orders).containsEntry(ORDER, OrderStatus.CANCELLED));
    await().until(host::isEmpty);
    assertThat(platform.sites).containsEntry(SITE, SiteStatus.CANCELLED);
    assertThat(progress().steps())
        .filteredOn(s -> s.name().equals("health check") || s.name().equals("done"))
        .extracting(Step::state)
        .containsOnly(StepState.CANCELLED);
  }

  @Test
  void givenAwaitingPayment_whenOrderCancelled_nothingIsCreated() {
    OrderWorkflow order = orderStub();
    WorkflowClient.start(order::run, request(true));
    await().untilAsserted(() -> assertThat(step("payment").state()).isEqualTo(StepState.RUNNING));

    WorkflowStub.fromTyped(order).cancel();

    await()
        .untilAsserted(
            () -> assertThat(platform.orders).containsEntry(ORDER, OrderStatus.CANCELLED));
    assertThat(host.isEmpty()).isTrue();
    await()
        .untilAsserted(
            () ->
                assertThat(progress().steps())
                    .extracting(Step::state)
                    .containsOnly(StepState.CANCELLED));
  }

  @Test
  void givenLiveSite_startStopRestartUpdatesChangeTheContainerAndTheRecord() {
    orderStub().run(request(false));
    SiteWorkflow site = siteStub();

    assertThat(site.perform(SiteAction.STOP)).isEqualTo(SiteStatus.STOPPED);
    assertThat(host.containers).containsEntry(SITE, "exited");
    assertThat(platform.sites).containsEntry(SITE, SiteStatus.STOPPED);

    assertThat(site.perform(SiteAction.START)).isEqualTo(SiteStatus.RUNNING);
    assertThat(host.containers).containsEntry(SITE, "running");

    assertThat(site.perform(SiteAction.RESTART)).isEqualTo(SiteStatus.RUNNING);
    assertThat(host.restarts).hasValue(1);
    assertThat(platform.sites).containsEntry(SITE, SiteStatus.RUNNING);
  }

  @Test
  void givenWordPress_whenOrdering_itMakesTheSitesDatabaseThenInstallsTheApp() {
    platform.plans.put(SITE, new SitePlan(DATABASE, true, true));

    orderStub().run(request(false));

    assertThat(host.databases).containsOnlyKeys(DATABASE);
    assertThat(host.installed).containsExactly(SITE);
    assertThat(step("database").state()).isEqualTo(StepState.DONE);
    assertThat(step("install").state()).isEqualTo(StepState.DONE);
    assertThat(platform.orders).containsEntry(ORDER, OrderStatus.ACTIVE);
  }

  @Test
  void givenWordPressThatNeverAnswers_itsOwnDatabaseGoesWithTheFailedSite() {
    platform.plans.put(SITE, new SitePlan(DATABASE, true, true));
    host.unhealthy = true;

    assertThatThrownBy(() -> orderStub().run(request(false)))
        .isInstanceOf(WorkflowFailedException.class);

    assertThat(host.databases).isEmpty();
    assertThat(host.containers).isEmpty();
    assertThat(platform.sites).containsEntry(SITE, SiteStatus.FAILED);
  }

  @Test
  void givenALinkedDatabase_whenItIsLost_theSiteKeepsItsData() {
    platform.plans.put(SITE, new SitePlan(DATABASE, false, false));
    host.unhealthy = true;

    assertThatThrownBy(() -> orderStub().run(request(false)))
        .isInstanceOf(WorkflowFailedException.class);

    assertThat(host.databases).containsOnlyKeys(DATABASE);
  }

  @Test
  void
      givenLiveSite_whenItsCredentialsChange_theContainerIsRecreated_andAStoppedSiteStaysStopped() {
    orderStub().run(request(false));
    SiteWorkflow site = siteStub();
    assertThat(host.containerCreations).hasValue(1);

    site.environmentChanged();
    await().until(() -> host.containerCreations.get() == 2);
    assertThat(host.containers).containsEntry(SITE, "running");

    site.perform(SiteAction.STOP);
    site.environmentChanged();
    await().until(() -> host.containerCreations.get() == 3);
    await().until(() -> "exited".equals(host.containers.get(SITE)));
    assertThat(site.status()).isEqualTo(SiteStatus.STOPPED);
  }

  @Test
  void customerDatabase_isCreated_passwordResetReachesTheLinkedSite_andDeleteDropsIt() {
    orderStub().run(request(false));
    platform.databaseLinks.put(DATABASE, SITE);
    DatabaseWorkflow database =
        client.newWorkflowStub(
            DatabaseWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(DatabaseWorkflow.workflowId(DATABASE))
                .setTaskQueue(TaskQueues.CONTROL)
                .build());
    WorkflowClient.start(
        database::run, new DatabaseRequest(DATABASE, CUSTOMER, FakePlatform.HOST, false));
    await().until(() -> host.databases.containsKey(DATABASE));

    database.resetPassword("reset-1");
    assertThat(host.passwordResets).containsEntry(DATABASE, 1);
    await().until(() -> host.containerCreations.get() == 2);

    database.delete();
    WorkflowStub.fromTyped(database).getResult(Void.class);
    assertThat(host.databases).isEmpty();
    assertThat(platform.databases).containsEntry(DATABASE, DatabaseStatus.DELETING);
    await().until(() -> host.containerCreations.get() == 3);
    assertThatThrownBy(() -> database.resetPassword("reset-2"))
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void givenSiteStillProvisioning_anActionIsRejectedWithAClearReason() {
    host.slowHealth = true;
    WorkflowClient.start(orderStub()::run, request(false));
    await().until(() -> host.routes.contains(SITE));

    assertThatThrownBy(() -> siteStub().perform(SiteAction.STOP))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("still being set up");
    assertThat(host.containers).containsEntry(SITE, "running");
  }

  @Test
  void searchAttributesLetSupportFindTheSiteByCustomerOrderAndSite() {
    orderStub().run(request(false));

    SearchAttributes attributes =
        client
            .newUntypedWorkflowStub(SiteWorkflow.workflowId(SITE))
            .describe()
            .getTypedSearchAttributes();
    assertThat(attributes.get(BerthSearchAttributes.CUSTOMER_ID)).isEqualTo("3");
    assertThat(attributes.get(BerthSearchAttributes.ORDER_ID)).isEqualTo("7");
    assertThat(attributes.get(BerthSearchAttributes.SITE_ID)).isEqualTo("11");
    assertThat(attributes.get(BerthSearchAttributes.STEP)).isEqualTo("health check");
  }

  @Test
  void givenStripe_whenOrdering_itCreatesTheCheckoutBeforeWaitingForPayment() {
    OrderWorkflow order = orderStub();
    WorkflowClient.start(order::run, request(PaymentMethod.STRIPE));

    await().until(() -> billing.checkouts.contains(ORDER));
    await().untilAsserted(() -> assertThat(step("payment").state()).isEqualTo(StepState.RUNNING));
    env.sleep(Duration.ofDays(1));
    assertThat(billing.checkouts).containsExactly(ORDER);
    assertThat(host.containers).isEmpty();

    order.paymentReceived("cs_test_7");
    WorkflowStub.fromTyped(order).getResult(Void.class);
    assertThat(platform.orders).containsEntry(ORDER, OrderStatus.ACTIVE);
    assertThat(host.containers).containsEntry(SITE, "running");
    assertThat(billing.refunds).isEmpty();
  }

  @Test
  void givenProvisioningFailsAfterPayment_whenOrdering_itRefundsOnceAndTearsDown() {
    SubscriptionWorkflow subscription = startSubscription(PaymentMethod.STRIPE);
    host.unhealthy = true;
    OrderWorkflow order = orderStub();
    WorkflowClient.start(order::run, request(PaymentMethod.STRIPE));
    await().until(() -> billing.checkouts.contains(ORDER));

    // What the webhook does with checkout.session.completed.
    order.paymentReceived("cs_test_7");
    subscription.billingEvent(
        new BillingEvent(
            "evt_checkout_completed",
            BillingEventKind.PAID,
            env.currentTimeMillis(),
            "in_first",
            env.currentTimeMillis() + Duration.ofDays(30).toMillis(),
            1500,
            "eur"));

    assertThatThrownBy(() -> WorkflowStub.fromTyped(order).getResult(Void.class))
        .isInstanceOf(WorkflowFailedException.class);
    assertThat(billing.refunds).containsExactly(ORDER);
    assertThat(host.isEmpty()).as("route, container, its files and network removed").isTrue();
    assertThat(platform.sites).containsEntry(SITE, SiteStatus.FAILED);
    assertThat(platform.orders).containsEntry(ORDER, OrderStatus.FAILED);
    assertThat(platform.orderReasons.get(ORDER))
        .isEqualTo("The site did not answer through the proxy. Your payment was refunded.");
    await().until(() -> subscription.state().status() == SubscriptionStatus.CANCELLED);
    await().until(() -> billing.notices.size() == 2);
    assertThat(billing.noticeKinds())
        .containsExactly(BillingNotice.RECEIPT, BillingNotice.CANCELLED);
  }

  @Test
  void givenABankTransferOrderFailsAfterPayment_theCustomerIsToldTheRefundIsComing() {
    startSubscription(PaymentMethod.BANK_TRANSFER);
    host.unhealthy = true;
    OrderWorkflow order = orderStub();
    WorkflowClient.start(order::run, request(PaymentMethod.BANK_TRANSFER));
    await().untilAsserted(() -> assertThat(step("payment").state()).isEqualTo(StepState.RUNNING));

    order.paymentReceived("bank-transfer:support@berth.test");

    assertThatThrownBy(() -> WorkflowStub.fromTyped(order).getResult(Void.class))
        .isInstanceOf(WorkflowFailedException.class);
    assertThat(billing.checkouts).isEmpty();
    assertThat(billing.refunds).containsExactly(ORDER);
    assertThat(platform.orderReasons.get(ORDER))
        .isEqualTo("The site did not answer through the proxy. Your payment will be refunded.");
    assertThat(host.isEmpty()).isTrue();
  }

  @Test
  void givenAwaitingPayment_whenOrderCancelled_itsSubscriptionEnds() {
    SubscriptionWorkflow subscription = startSubscription(PaymentMethod.STRIPE);
    OrderWorkflow order = orderStub();
    WorkflowClient.start(order::run, request(PaymentMethod.STRIPE));
    // The customer is on the checkout page: the order has its link and waits for the payment.
    await().until(this::checkoutLinkStored);

    WorkflowStub.fromTyped(order).cancel();

    WorkflowStub.fromTyped(subscription).getResult(Void.class);
    assertThat(platform.orders).containsEntry(ORDER, OrderStatus.CANCELLED);
    assertThat(billing.states)
        .containsExactly(
            new SubscriptionState(SubscriptionStatus.CANCELLED, null, null, false, null));
    assertThat(billing.refunds).isEmpty();
    assertThat(host.isEmpty()).isTrue();
  }

  @Test
  void givenATrialThatFails_itsSubscriptionEnds_andNothingIsRefunded() {
    SubscriptionWorkflow subscription = startSubscription(PaymentMethod.NONE);
    host.unhealthy = true;
    OrderWorkflow order = orderStub();

    assertThatThrownBy(() -> order.run(trialRequest())).isInstanceOf(WorkflowFailedException.class);

    assertThat(billing.refunds).isEmpty();
    assertThat(platform.orderReasons.get(ORDER))
        .isEqualTo("The site did not answer through the proxy");
    await().until(() -> subscription.state().status() == SubscriptionStatus.CANCELLED);
  }

  /**
   * With {@code -Dberth.recordHistories=<dir>}, keeps the histories this test made, to be committed
   * for {@code WorkflowReplayTest} when a workflow version is released.
   */
  private void recordHistories(TestInfo test) throws IOException {
    String dir = System.getProperty("berth.recordHistories");
    if (dir == null) {
      return;
    }
    String name = test.getTestMethod().orElseThrow().getName();
    for (String id :
        List.of(
            OrderWorkflow.workflowId(ORDER),
            SiteWorkflow.workflowId(SITE),
            DatabaseWorkflow.workflowId(DATABASE),
            SubscriptionWorkflow.workflowId(SUBSCRIPTION))) {
      try {
        String json = client.fetchHistory(id).toJson(true);
        Files.writeString(Path.of(dir, name + "." + id.replaceAll("-\\d+", "") + ".json"), json);
      } catch (RuntimeException notStarted) {
        // Some journeys never start the site, database or subscription workflow.
      }
    }
  }

  private OrderWorkflow orderStub() {
    return client.newWorkflowStub(
        OrderWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(OrderWorkflow.workflowId(ORDER))
            .setTaskQueue(TaskQueues.CONTROL)
            .setTypedSearchAttributes(
                SearchAttributes.newBuilder()
                    .set(BerthSearchAttributes.CUSTOMER_ID, Long.toString(CUSTOMER))
                    .set(BerthSearchAttributes.ORDER_ID, Long.toString(ORDER))
                    .set(BerthSearchAttributes.SITE_ID, Long.toString(SITE))
                    .build())
            .build());
  }

  private SiteWorkflow siteStub() {
    return client.newWorkflowStub(SiteWorkflow.class, SiteWorkflow.workflowId(SITE));
  }

  private boolean checkoutLinkStored() {
    return client.fetchHistory(OrderWorkflow.workflowId(ORDER)).getEvents().stream()
        .anyMatch(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED);
  }

  /** The subscription the panel starts beside a paid order (or a trial's, for NONE). */
  private SubscriptionWorkflow startSubscription(PaymentMethod gateway) {
    SubscriptionWorkflow subscription =
        client.newWorkflowStub(
            SubscriptionWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(SubscriptionWorkflow.workflowId(SUBSCRIPTION))
                .setTaskQueue(TaskQueues.CONTROL)
                .build());
    boolean trial = gateway == PaymentMethod.NONE;
    WorkflowClient.start(
        subscription::run,
        new SubscriptionRequest(
            SUBSCRIPTION,
            CUSTOMER,
            ORDER,
            gateway,
            trial ? SubscriptionStatus.TRIALING : SubscriptionStatus.INCOMPLETE,
            trial ? env.currentTimeMillis() + Duration.ofDays(14).toMillis() : null,
            null,
            false,
            0,
            List.of(),
            DunningPolicy.DEFAULT));
    return subscription;
  }

  /** A paid order of a subscription, as the panel places it today. */
  static OrderRequest request(PaymentMethod gateway) {
    return new OrderRequest(
        ORDER,
        CUSTOMER,
        SITE,
        "myblog",
        "static",
        true,
        new PlanLimits(250, 128, 1024, 1),
        gateway,
        SUBSCRIPTION);
  }

  static OrderRequest trialRequest() {
    return new OrderRequest(
        ORDER,
        CUSTOMER,
        SITE,
        "myblog",
        "static",
        false,
        new PlanLimits(250, 128, 1024, 1),
        PaymentMethod.NONE,
        SUBSCRIPTION);
  }

  static OrderRequest request(boolean paymentRequired) {
    return new OrderRequest(
        ORDER,
        CUSTOMER,
        SITE,
        "myblog",
        "static",
        paymentRequired,
        new PlanLimits(250, 128, 1024, 1));
  }

  private Progress progress() {
    return new ProgressReader(client).order(ORDER, SITE);
  }

  private Step step(String name) {
    return progress().steps().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  private static List<Map.Entry<String, StepState>> states(Progress progress) {
    return progress.steps().stream().map(s -> Map.entry(s.name(), s.state())).toList();
  }
}
