package io.berth.activities.site;

import static io.berth.workflows.billing.BillingNotice.PAYMENT_FAILED;
import static io.berth.workflows.billing.BillingNotice.RECEIPT;
import static io.berth.workflows.billing.BillingNotice.RESUMED;
import static io.berth.workflows.billing.BillingNotice.SUSPENDED;
import static io.berth.workflows.billing.BillingNotice.TERMINATED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import io.berth.activities.billing.BillingConfig;
import io.berth.activities.common.PermanentFailureInterceptor;
import io.berth.activities.docker.ContainerRuntime;
import io.berth.activities.docker.DockerFixture;
import io.berth.activities.docker.DockerNames;
import io.berth.activities.proxy.NginxInstance;
import io.berth.activities.proxy.ReverseProxy;
import io.berth.activities.testing.DockerLeftovers;
import io.berth.activities.testing.PlatformRows;
import io.berth.workflows.billing.BillingEvent;
import io.berth.workflows.billing.BillingEventKind;
import io.berth.workflows.billing.DunningPolicy;
import io.berth.workflows.billing.PaymentMethod;
import io.berth.workflows.billing.SubscriptionActivities;
import io.berth.workflows.billing.SubscriptionRequest;
import io.berth.workflows.billing.SubscriptionStatus;
import io.berth.workflows.billing.SubscriptionWorkflow;
import io.berth.workflows.billing.SubscriptionWorkflowImpl;
import io.berth.workflows.common.PlanLimits;
import io.berth.workflows.common.TaskQueues;
import io.berth.workflows.site.SiteRequest;
import io.berth.workflows.site.SiteStatus;
import io.berth.workflows.site.SiteWorkflow;
import io.berth.workflows.site.SiteWorkflowImpl;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactoryOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dunning path of a paid plan, its timers skipped, over real containers: the subscription and
 * site workflows in Temporal's in-process test server (time skipping), the site's host activities
 * on the local engine and a real nginx, the site and subscription activities on the real schema in
 * a fresh PostgreSQL database. Only the e-mails are noted instead of sent.
 */
@SpringBootTest(classes = {SiteActivitiesContext.class, BillingConfig.class})
@DirtiesContext
class DunningJourneyIT {

  static final PlanLimits STARTER = new PlanLimits(500, 256, 5120, 3);
  static final Duration GRACE = DunningPolicy.DEFAULT.grace();
  static final Duration TERMINATION = DunningPolicy.DEFAULT.termination();
  static final Duration PERIOD = Duration.ofDays(30);
  static final String PAGE = "<h1>Harbour bakery</h1>\n<p>Open every day but Monday.</p>\n";

  private static NginxInstance nginx;

  @BeforeAll
  static void imagesAndProxy() throws Exception {
    DockerFixture.buildImages();
    nginx = NginxInstance.start();
  }

  @AfterAll
  static void stopProxy() throws Exception {
    if (nginx != null) {
      nginx.close();
    }
  }

  @DynamicPropertySource
  static void freshDatabaseAndPrivateProxy(DynamicPropertyRegistry properties) throws Exception {
    SiteActivitiesContext.freshDatabaseAndPrivateProxy(
        properties, "berth_dunning_journey_it", 3, () -> nginx);
  }

  @Autowired SiteHostActivitiesImpl host;
  @Autowired SiteRecordActivitiesImpl siteRecords;
  @Autowired SubscriptionActivities subscriptionActivities;
  @Autowired ContainerRuntime containers;
  @Autowired ReverseProxy proxy;
  @Autowired DockerClient docker;
  @Autowired JdbcClient jdbc;

  private final RecordedNotices notices = new RecordedNotices();
  private PlatformRows rows;
  private TestWorkflowEnvironment env;
  private WorkflowClient client;

  @BeforeEach
  void startWorkers() {
    rows = new PlatformRows(jdbc);
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setWorkerFactoryOptions(
                    WorkerFactoryOptions.newBuilder()
                        .setWorkerInterceptors(new PermanentFailureInterceptor())
                        .build())
                .registerSearchAttribute("BerthStep", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
                .build());
    var control = env.newWorker(TaskQueues.CONTROL);
    control.registerWorkflowImplementationTypes(
        SubscriptionWorkflowImpl.class, SiteWorkflowImpl.class);
    control.registerActivitiesImplementations(siteRecords, subscriptionActivities, notices);
    env.newWorker(TaskQueues.host(PlatformRows.HOST)).registerActivitiesImplementations(host);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void removeEverything() {
    env.close();
    for (long site : rows.sites) {
      proxy.removeRoute(site);
    }
    DockerLeftovers.remove(docker, rows);
  }

  @Test
  void givenARenewalFails_theSiteIsSuspendedAfterTheGrace_andPayingBringsItBack() throws Exception {
    PaidSite paid = provisionPaidSite();
    SubscriptionWorkflow subscription = paid.subscription();
    Curl.Response page = Curl.getWhenServed(nginx.port(), paid.hostname(), "/menu.html");
    String containerId = inspect(paid.siteId()).getId();

    failRenewalAndSkipTheGrace(paid);

    BillingEvent settled =
        new BillingEvent(
            "evt_invoice_paid",
            BillingEventKind.PAID,
            env.currentTimeMillis(),
            "in_renewal",
            env.currentTimeMillis() + PERIOD.toMillis(),
            1500,
            "eur");
    subscription.billingEvent(settled);

    awaitThat("the container runs again", () -> Boolean.TRUE.equals(running(paid.siteId())));
    Curl.Response back = Curl.getWhenServed(nginx.port(), paid.hostname(), "/menu.html");
    assertThat(back.status()).isEqualTo(200);
    assertThat(back.body()).isEqualTo(page.body());
    assertThat(inspect(paid.siteId()).getId()).isEqualTo(containerId);
    awaitThat("the site recorded RUNNING", () -> siteStatus(paid.siteId()).equals("RUNNING"));
    awaitThat("a receipt", () -> notices.sent().contains(RECEIPT));
    assertThat(subscriptionStatus(paid.subscriptionId())).isEqualTo("ACTIVE");
    assertThat(subscription.state().status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(notices.sent()).containsExactly(PAYMENT_FAILED, SUSPENDED, RESUMED, RECEIPT);
  }

  @Test
  void givenASuspendedSiteStaysUnpaid_after30DaysItsContainerFilesAndRouteAreGone()
      throws Exception {
    PaidSite paid = provisionPaidSite();
    failRenewalAndSkipTheGrace(paid);

    env.sleep(TERMINATION.minusDays(1));
    assertThat(subscriptionStatus(paid.subscriptionId())).isEqualTo("SUSPENDED");
    assertThat(volumeExists(paid.siteId())).as("files kept while suspended").isTrue();

    env.sleep(Duration.ofDays(1).plusMinutes(1));
    WorkflowStub.fromTyped(paid.subscription()).getResult(Void.class);

    awaitThat("the site recorded DELETED", () -> siteStatus(paid.siteId()).equals("DELETED"));
    WorkflowStub.fromTyped(paid.site()).getResult(Void.class);
    assertThat(running(paid.siteId())).as("the container").isNull();
    assertThat(volumeExists(paid.siteId())).as("the site's volume").isFalse();
    assertThat(nginx.sites().resolve("site-" + paid.siteId() + ".conf")).doesNotExist();
    assertThat(nginx.sites().resolve("site-" + paid.siteId() + ".suspended")).doesNotExist();
    Curl.Response gone = Curl.get(nginx.port(), paid.hostname(), "/");
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.text()).contains("There is no site at this address");
    assertThat(subscriptionStatus(paid.subscriptionId())).isEqualTo("TERMINATED");
    awaitThat("the termination e-mail", () -> notices.sent().contains(TERMINATED));
    assertThat(notices.sent()).containsExactly(PAYMENT_FAILED, SUSPENDED, TERMINATED);
  }

  /**
   * A renewal payment fails on an active subscription; the site keeps serving through the grace,
   * and once it is over the container is stopped and the proxy shows the suspended page.
   */
  private void failRenewalAndSkipTheGrace(PaidSite paid) throws Exception {
    SubscriptionWorkflow subscription = paid.subscription();
    subscription.billingEvent(
        new BillingEvent(
            "evt_payment_failed",
            BillingEventKind.PAYMENT_FAILED,
            env.currentTimeMillis(),
            "in_renewal",
            null,
            1500,
            "eur"));
    awaitThat(
        "the subscription PAST_DUE",
        () -> subscription.state().status() == SubscriptionStatus.PAST_DUE);
    assertThat(Curl.get(nginx.port(), paid.hostname(), "/menu.html").status())
        .as("served during the grace")
        .isEqualTo(200);

    env.sleep(GRACE.plusMinutes(1));

    awaitThat("the container stopped", () -> Boolean.FALSE.equals(running(paid.siteId())));
    awaitThat("the site recorded SUSPENDED", () -> siteStatus(paid.siteId()).equals("SUSPENDED"));
    Curl.Response suspended = Curl.get(nginx.port(), paid.hostname(), "/menu.html");
    assertThat(suspended.status()).isEqualTo(503);
    assertThat(suspended.text()).contains("This site is suspended").doesNotContain("bakery");
    assertThat(inspect(paid.siteId()).getState().getStatus()).isEqualTo("exited");
    assertThat(subscriptionStatus(paid.subscriptionId())).isEqualTo("SUSPENDED");
  }

  /** A live static site with a page of its own, provisioned by its workflow, on a paid plan. */
  private PaidSite provisionPaidSite() throws Exception {
    long customer = rows.customer();
    String name = PlatformRows.uniqueName("dun");
    int port = freePort();
    long siteId = rows.site(customer, name, "static", null, port);
    long orderId =
        jdbc.sql("SELECT order_id FROM site WHERE id = :id")
            .param("id", siteId)
            .query(Long.class)
            .single();

    SiteWorkflow site =
        client.newWorkflowStub(
            SiteWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.CONTROL)
                .setWorkflowId(SiteWorkflow.workflowId(siteId))
                .build());
    WorkflowClient.start(
        site::run,
        new SiteRequest(
            siteId,
            customer,
            orderId,
            name,
            "static",
            STARTER,
            PlatformRows.HOST,
            port,
            false,
            SiteStatus.PROVISIONING,
            null));
    awaitThat("the site provisioned", () -> siteStatus(siteId).equals("RUNNING"));
    var written =
        containers.run(
            siteId, List.of("sh", "-c", "cat > /srv/site/menu.html"), PAGE, Duration.ofSeconds(20));
    assertThat(written.exitCode()).isZero();

    long periodEnd = env.currentTimeMillis() + PERIOD.toMillis();
    long subscriptionId =
        jdbc.sql(
                """
                INSERT INTO subscription (customer_id, order_id, plan_id, gateway, status,
                                          current_period_end)
                VALUES (:customer, :order, 1, 'STRIPE', 'ACTIVE', to_timestamp(:end / 1000.0))
                RETURNING id
                """)
            .param("customer", customer)
            .param("order", orderId)
            .param("end", periodEnd)
            .query(Long.class)
            .single();
    SubscriptionWorkflow subscription =
        client.newWorkflowStub(
            SubscriptionWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.CONTROL)
                .setWorkflowId(SubscriptionWorkflow.workflowId(subscriptionId))
                .build());
    WorkflowClient.start(
        subscription::run,
        new SubscriptionRequest(
            subscriptionId,
            customer,
            orderId,
            PaymentMethod.STRIPE,
            SubscriptionStatus.ACTIVE,
            periodEnd,
            null,
            false,
            0,
            List.of(),
            DunningPolicy.DEFAULT));
    PaidSite paid = new PaidSite(siteId, subscriptionId, proxy.hostname(name), site, subscription);
    Curl.Response page = Curl.getWhenServed(nginx.port(), paid.hostname(), "/menu.html");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.text()).isEqualTo(PAGE);
    return paid;
  }

  private record PaidSite(
      long siteId,
      long subscriptionId,
      String hostname,
      SiteWorkflow site,
      SubscriptionWorkflow subscription) {}

  /**
   * Waits for an effect of a signal: workflows act on them asynchronously, and the host activities
   * take real time on the engine and nginx.
   */
  private static void awaitThat(String what, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Still waiting for " + what);
      }
      Thread.sleep(200);
    }
  }

  private String siteStatus(long siteId) {
    return jdbc.sql("SELECT status FROM site WHERE id = :id")
        .param("id", siteId)
        .query(String.class)
        .single();
  }

  private String subscriptionStatus(long subscriptionId) {
    return jdbc.sql("SELECT status FROM subscription WHERE id = :id")
        .param("id", subscriptionId)
        .query(String.class)
        .single();
  }

  private InspectContainerResponse inspect(long siteId) {
    return docker.inspectContainerCmd(DockerNames.container(siteId)).exec();
  }

  /** Whether the site's container runs; null when it does not exist. */
  private Boolean running(long siteId) {
    try {
      return inspect(siteId).getState().getRunning();
    } catch (NotFoundException gone) {
      return null;
    }
  }

  private boolean volumeExists(long siteId) {
    try {
      docker.inspectVolumeCmd(DockerNames.volume(siteId)).exec();
      return true;
    } catch (NotFoundException gone) {
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
