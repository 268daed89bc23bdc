package io.berth.workflows.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.berth.workflows.FakeHost;
import io.berth.workflows.FakePlatform;
import io.berth.workflows.common.PlanLimits;
import io.berth.workflows.common.TaskQueues;
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
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** What billing does to a live site: suspend, resume, new limits, terminate. */
class SiteWorkflowTest {

  private static final long SITE = 11;
  private static final long CUSTOMER = 3;
  private static final long ORDER = 7;
  private static final String ID = SiteWorkflow.workflowId(SITE);
  private static final PlanLimits SMALL = new PlanLimits(250, 128, 1024, 1);
  private static final PlanLimits LARGE = new PlanLimits(1000, 512, 4096, 5);

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private final FakePlatform platform = new FakePlatform();
  private final FakeHost host = new FakeHost();
  private SiteWorkflow site;

  @BeforeEach
  void startLiveSite() {
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .registerSearchAttribute("BerthStep", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
                .build());
    Worker control = env.newWorker(TaskQueues.CONTROL);
    control.registerWorkflowImplementationTypes(SiteWorkflowImpl.class);
    control.registerActivitiesImplementations(platform);
    env.newWorker(TaskQueues.host(FakePlatform.HOST)).registerActivitiesImplementations(host);
    env.start();
    client = env.getWorkflowClient();

    site =
        client.newWorkflowStub(
            SiteWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(ID)
                .setTaskQueue(TaskQueues.CONTROL)
                .build());
    WorkflowClient.start(
        site::run,
        new SiteRequest(
            SITE,
            CUSTOMER,
            ORDER,
            "myblog",
            "static",
            SMALL,
            FakePlatform.HOST,
            20011,
            false,
            SiteStatus.PROVISIONING,
            null));
    await().until(() -> platform.sites.get(SITE) == SiteStatus.RUNNING);
  }

  @AfterEach
  void stopEnvironment(TestInfo test) throws IOException {
    String dir = System.getProperty("berth.recordHistories");
    if (dir != null) {
      String name = test.getTestMethod().orElseThrow().getName();
      Files.writeString(Path.of(dir, name + ".site.json"), client.fetchHistory(ID).toJson(true));
    }
    env.close();
  }

  @Test
  void suspending_stopsTheContainer_servesTheSuspendedPage_andRefusesActions() {
    site.suspend();

    await().until(() -> platform.sites.get(SITE) == SiteStatus.SUSPENDED);
    assertThat(host.containers).containsEntry(SITE, "exited");
    assertThat(host.suspendedRoutes).containsExactly(SITE);
    assertThat(host.volumes).as("files kept").containsExactly(SITE);
    assertThat(site.status()).isEqualTo(SiteStatus.SUSPENDED);
    assertThatThrownBy(() -> site.perform(SiteAction.START))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining(
            "The site is suspended because its plan is unpaid; it starts again once the open"
                + " invoice is paid (see Billing).");
    assertThat(host.containers).containsEntry(SITE, "exited");
  }

  @Test
  void resuming_servesTheSiteAgain_andTheContainerRuns() {
    site.suspend();
    await().until(() -> platform.sites.get(SITE) == SiteStatus.SUSPENDED);

    site.resume();

    await().until(() -> platform.sites.get(SITE) == SiteStatus.RUNNING);
    assertThat(host.containers).containsEntry(SITE, "running");
    assertThat(host.routes).containsExactly(SITE);
    assertThat(host.suspendedRoutes).isEmpty();
    assertThat(site.perform(SiteAction.RESTART)).isEqualTo(SiteStatus.RUNNING);
  }

  @Test
  void aSiteTheCustomerStopped_staysStoppedAfterResume() {
    site.perform(SiteAction.STOP);
    site.suspend();
    await().until(() -> platform.sites.get(SITE) == SiteStatus.SUSPENDED);

    site.resume();

    await().until(() -> platform.sites.get(SITE) == SiteStatus.STOPPED);
    assertThat(host.containers).containsEntry(SITE, "exited");
    assertThat(host.suspendedRoutes).isEmpty();
    assertThat(site.status()).isEqualTo(SiteStatus.STOPPED);
  }

  @Test
  void newLimits_areAppliedToTheContainerInPlace_andCarriedIntoTheNextRun() {
    String firstRun = runId();

    site.changeLimits(LARGE);

    await().until(() -> LARGE.equals(host.limits.get(SITE)));
    assertThat(host.limitUpdates).hasValue(1);
    assertThat(host.containerCreations).as("not re-created").hasValue(1);
    assertThat(host.containers).containsEntry(SITE, "running");

    // Repeated equal limits change nothing, but grow the history past the 4096 events at which
    // Temporal suggests a new run; the site takes the suggestion once they stop.
    for (int i = 0; i < 4200; i++) {
      site.changeLimits(LARGE);
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> !runId().equals(firstRun));

    SiteRequest carried = inputOfLatestRun();
    assertThat(carried.limits()).isEqualTo(LARGE);
    assertThat(carried.provisioned()).isTrue();
    assertThat(carried.status()).isEqualTo(SiteStatus.RUNNING);
    assertThat(host.limitUpdates).hasValue(1);

    site.environmentChanged();
    await().until(() -> host.containerCreations.get() == 2);
    assertThat(host.limits).containsEntry(SITE, LARGE);
  }

  @Test
  void terminating_removesRouteContainerAndFiles_recordsDeleted_andEnds() {
    site.suspend();
    await().until(() -> platform.sites.get(SITE) == SiteStatus.SUSPENDED);

    site.terminate();

    WorkflowStub.fromTyped(site).getResult(Void.class);
    assertThat(client.newUntypedWorkflowStub(ID).describe().getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
    assertThat(platform.sites).containsEntry(SITE, SiteStatus.DELETED);
    assertThat(host.routes).isEmpty();
    assertThat(host.containers).isEmpty();
    assertThat(host.volumes).isEmpty();
    assertThat(host.networks).as("the customer's network serves their other sites").isNotEmpty();
  }

  private String runId() {
    return client.newUntypedWorkflowStub(ID).describe().getExecution().getRunId();
  }

  private SiteRequest inputOfLatestRun() {
    WorkflowExecutionStartedEventAttributes started =
        client
            .fetchHistory(ID)
            .getHistory()
            .getEvents(0)
            .getWorkflowExecutionStartedEventAttributes();
    assertThat(started.getContinuedExecutionRunId()).isNotEmpty();
    return DefaultDataConverter.newDefaultInstance()
        .fromPayloads(0, Optional.of(started.getInput()), SiteRequest.class, SiteRequest.class);
  }
}
