package io.berth.workflows.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.berth.workflows.common.TaskQueues;
import io.berth.workflows.progress.Step;
import io.berth.workflows.progress.StepState;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class DomainWorkflowTest {

  private static final long DOMAIN = 5;
  private static final long CUSTOMER = 3;
  private static final SiteEndpoint BLOG = new SiteEndpoint(11, "blog", "h1", 20001);
  private static final SiteEndpoint SHOP = new SiteEndpoint(12, "shop", "h2", 20002);

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private final FakeDomains domains = new FakeDomains();
  private final FakeRoutes hostOne = new FakeRoutes();
  private final FakeRoutes hostTwo = new FakeRoutes();
  private final FakeCertificateScheduling certificates = new FakeCertificateScheduling();

  @BeforeEach
  void startEnvironment() {
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .registerSearchAttribute(
                    "BerthCustomerId", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
                .registerSearchAttribute("BerthSiteId", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
                .registerSearchAttribute("BerthDomain", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
                .registerSearchAttribute("BerthStep", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
                .build());
    var control = env.newWorker(TaskQueues.CONTROL);
    control.registerWorkflowImplementationTypes(DomainWorkflowImpl.class);
    control.registerActivitiesImplementations(domains, certificates);
    env.newWorker(TaskQueues.host("h1")).registerActivitiesImplementations(hostOne);
    env.newWorker(TaskQueues.host("h2")).registerActivitiesImplementations(hostTwo);
    domains.sites.put(BLOG.siteId(), BLOG);
    domains.sites.put(SHOP.siteId(), SHOP);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void stopEnvironment(TestInfo test) throws IOException {
    recordHistory(test);
    env.close();
  }

  /** With {@code -Dberth.recordHistories=<dir>}, keeps the history for WorkflowReplayTest. */
  private void recordHistory(TestInfo test) throws IOException {
    String dir = System.getProperty("berth.recordHistories");
    if (dir != null) {
      String name = test.getTestMethod().orElseThrow().getName();
      String json = client.fetchHistory(DomainWorkflow.workflowId(DOMAIN)).toJson(true);
      Files.writeString(Path.of(dir, name + ".domain.certificates.json"), json);
    }
  }

  @Test
  void givenHostedDomainWithSite_itCreatesZoneRecordsAndRouteAndSeesTheDelegation() {
    DomainWorkflow domain = start(DomainMode.HOSTED, BLOG.siteId());

    await().until(() -> domains.statuses.get(DOMAIN) == DomainStatus.ACTIVE);
    assertThat(domains.zones).containsKey(DOMAIN);
    assertThat(domains.recordKeys()).containsExactlyInAnyOrder("@ A", "www CNAME");
    assertThat(hostOne.routes.get(DOMAIN))
        .isEqualTo(
            new DomainRoute(
                DOMAIN, BLOG.siteId(), List.of("example.test", "www.example.test"), 20001));
    assertThat(domains.attachedSite).isEqualTo(BLOG.siteId());
    assertThat(states(domain))
        .containsExactly(
            Map.entry("zone", StepState.DONE),
            Map.entry("records", StepState.DONE),
            Map.entry("site", StepState.DONE),
            Map.entry("dns check", StepState.DONE));
  }

  @Test
  void givenExternalDns_whenTheRecordAppearsOnTheThirdCheck_itWaitsWithBackoffThenActivates() {
    domains.seenFromCheck = 3;
    DomainWorkflow domain = start(DomainMode.EXTERNAL, null);

    await().until(() -> domains.checks.get() == 1);
    await().until(() -> step(domain, "dns check").state() == StepState.WAITING);
    Step waiting = step(domain, "dns check");
    assertThat(waiting.error())
        .isEqualTo(
            "example.test resolves to 192.0.2.7, expected 127.0.0.1 — checking again in 5 min");
    assertThat(domains.statuses.get(DOMAIN)).isEqualTo(DomainStatus.WAITING_FOR_DNS);

    env.sleep(Duration.ofMinutes(16));
    await().until(() -> domains.statuses.get(DOMAIN) == DomainStatus.ACTIVE);
    assertThat(domains.checks.get()).isEqualTo(3);
    List<Long> at = domains.checkTimes;
    assertThat(at.get(1) - at.get(0)).isCloseTo(Duration.ofMinutes(5).toMillis(), within(1000L));
    assertThat(at.get(2) - at.get(1)).isCloseTo(Duration.ofMinutes(10).toMillis(), within(1000L));
    assertThat(states(domain))
        .containsExactly(
            Map.entry("zone", StepState.SKIPPED),
            Map.entry("records", StepState.SKIPPED),
            Map.entry("site", StepState.SKIPPED),
            Map.entry("dns check", StepState.DONE));
    assertThat(domains.zones).isEmpty();
  }

  @Test
  void
      givenExternalDnsThatNeverPointsHere_itGivesUpAfterSevenDaysWithTheReason_andCheckNowRetries() {
    domains.seenFromCheck = 0;
    DomainWorkflow domain = start(DomainMode.EXTERNAL, null);

    await().until(() -> domains.checks.get() == 1);
    env.sleep(Duration.ofDays(7).plusMinutes(1));
    await().until(() -> domains.statuses.get(DOMAIN) == DomainStatus.DNS_NOT_SEEN);
    int checksInSevenDays = domains.checks.get();
    // At 0, 5, 15, 35, 75, 155 and 315 min, then every 3 h (54 more), and once at the limit.
    assertThat(checksInSevenDays).isEqualTo(62);
    Step failed = step(domain, "dns check");
    assertThat(failed.state()).isEqualTo(StepState.FAILED);
    assertThat(failed.error())
        .isEqualTo(
            "DNS for example.test still does not point here after 7 days (example.test resolves"
                + " to 192.0.2.7, expected 127.0.0.1). Create the records at your DNS provider,"
                + " then press \"Check now\".");
    assertThat(domains.reasons.get(DOMAIN)).isEqualTo(failed.error());

    env.sleep(Duration.ofDays(2));
    assertThat(domains.checks.get()).isEqualTo(checksInSevenDays);

    domains.seenFromCheck = checksInSevenDays + 1;
    domain.checkDnsNow();
    await().until(() -> domains.statuses.get(DOMAIN) == DomainStatus.ACTIVE);
    assertThat(step(domain, "dns check").state()).isEqualTo(StepState.DONE);
  }

  @Test
  void givenHostedDomain_recordChangesGoThroughTheActivity_andInvalidOnesFailWithItsMessage() {
    DomainWorkflow domain = start(DomainMode.HOSTED, null);
    await().until(() -> domains.statuses.get(DOMAIN) == DomainStatus.ACTIVE);

    DnsRecordSet mx =
        domain.changeRecordSet(
            new RecordSetChange("@", "MX", 3600, List.of("10 mail.example.test.")));
    assertThat(mx.values()).containsExactly("10 mail.example.test.");

    assertThatThrownBy(
            () ->
                domain.changeRecordSet(
                    new RecordSetChange("@", "MX", 3600, List.of("10 192.0.2.1"))))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("An MX target must be a host name, not an IP address.");
    assertThat(domains.records.get("@ MX").values()).containsExactly("10 mail.example.test.");

    domain.changeRecordSet(new RecordSetChange("@", "MX", 3600, List.of()));
    assertThat(domains.records).doesNotContainKey("@ MX");
  }

  @Test
  void givenExternalDomain_recordChangesAreRefusedBeforeTheyReachTheHistory() {
    DomainWorkflow domain = start(DomainMode.EXTERNAL, null);
    await().until(() -> domains.statuses.get(DOMAIN) == DomainStatus.ACTIVE);

    assertThatThrownBy(
            () -> domain.changeRecordSet(new RecordSetChange("@", "A", 3600, List.of("192.0.2.1"))))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("uses external DNS: change its records at your DNS provider");
    assertThat(domains.records).isEmpty();
  }

  @Test
  void attachingAnotherSiteMovesTheRouteToThatSitesHost_andDetachRemovesIt() {
    DomainWorkflow domain = start(DomainMode.HOSTED, BLOG.siteId());
    await().until(() -> domains.statuses.get(DOMAIN) == DomainStatus.ACTIVE);

    assertThat(domain.attachSite(SHOP.siteId())).isEqualTo(SHOP);
    assertThat(hostOne.routes).isEmpty();
    assertThat(hostTwo.routes.get(DOMAIN).hostPort()).isEqualTo(20002);
    assertThat(domains.attachedSite).isEqualTo(SHOP.siteId());

    assertThatThrownBy(() -> domain.attachSite(99))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("Site 99 not found");
    assertThat(hostTwo.routes).containsKey(DOMAIN);

    domain.detachSite();
    assertThat(hostTwo.routes).isEmpty();
    assertThat(domains.attachedSite).isNull();
    assertThatThrownBy(domain::detachSite)
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("is not attached to a site");
  }

  @Test
  void domainChangesTellTheCertificateWorkflowsOfTheSitesConcerned() {
    DomainWorkflow domain = start(DomainMode.HOSTED, BLOG.siteId());
    await().until(() -> domains.statuses.get(DOMAIN) == DomainStatus.ACTIVE);
    // Once when the route is written, once when DNS is seen pointing here.
    await().until(() -> certificates.nudged.size() == 2);
    assertThat(certificates.nudged).containsExactly(BLOG.siteId(), BLOG.siteId());

    domain.attachSite(SHOP.siteId());
    assertThat(certificates.nudged.subList(2, certificates.nudged.size()))
        .containsExactly(BLOG.siteId(), SHOP.siteId());

    domain.detachSite();
    assertThat(certificates.nudged).hasSize(5).last().isEqualTo(SHOP.siteId());

    domain.attachSite(BLOG.siteId());
    domain.remove();
    WorkflowStub.fromTyped(domain).getResult(Void.class);
    assertThat(certificates.nudged).hasSize(7).last().isEqualTo(BLOG.siteId());
    assertThat(domains.statuses.get(DOMAIN)).isEqualTo(DomainStatus.REMOVED);
  }

  @Test
  void givenNoSite_noCertificateWorkflowIsTold() {
    start(DomainMode.HOSTED, null);
    await().until(() -> domains.statuses.get(DOMAIN) == DomainStatus.ACTIVE);

    assertThat(certificates.nudged).isEmpty();
  }

  @Test
  void givenASiteThatIsNotLive_setUpGoesOnWithoutIt() {
    DomainWorkflow domain = start(DomainMode.HOSTED, 99L);

    await().until(() -> domains.statuses.get(DOMAIN) == DomainStatus.ACTIVE);
    Step site = step(domain, "site");
    assertThat(site.state()).isEqualTo(StepState.FAILED);
    assertThat(site.error()).isEqualTo("Site 99 not found");
    assertThat(domains.zones).containsKey(DOMAIN);
  }

  @Test
  void removingTakesTheRouteZoneAndRecordsAway_andEndsTheWorkflow() {
    DomainWorkflow domain = start(DomainMode.HOSTED, BLOG.siteId());
    await().until(() -> domains.statuses.get(DOMAIN) == DomainStatus.ACTIVE);

    domain.remove();
    WorkflowStub.fromTyped(domain).getResult(Void.class);

    assertThat(hostOne.routes).isEmpty();
    assertThat(domains.zones).isEmpty();
    assertThat(domains.records).isEmpty();
    assertThat(domains.statuses.get(DOMAIN)).isEqualTo(DomainStatus.REMOVED);
  }

  @Test
  void removingWhileWaitingForDnsStopsTheWait() {
    domains.seenFromCheck = 0;
    DomainWorkflow domain = start(DomainMode.EXTERNAL, BLOG.siteId());
    await().until(() -> domains.checks.get() == 1);

    domain.remove();
    WorkflowStub.fromTyped(domain).getResult(Void.class);

    assertThat(hostOne.routes).isEmpty();
    assertThat(domains.statuses.get(DOMAIN)).isEqualTo(DomainStatus.REMOVED);
    assertThat(step(domain, "dns check").state()).isEqualTo(StepState.CANCELLED);
  }

  @Test
  void givenTheZoneCannotBeCreated_itUndoesWhatItDidAndFailsWithTheReason() {
    domains.zoneCreationFails = true;
    DomainWorkflow domain = start(DomainMode.HOSTED, BLOG.siteId());

    assertThatThrownBy(() -> WorkflowStub.fromTyped(domain).getResult(Void.class))
        .isInstanceOf(WorkflowFailedException.class);
    assertThat(domains.zones).isEmpty();
    assertThat(hostOne.routes).isEmpty();
    assertThat(domains.statuses.get(DOMAIN)).isEqualTo(DomainStatus.FAILED);
    assertThat(domains.reasons.get(DOMAIN)).isEqualTo("The DNS server refused zone example.test");
  }

  private DomainWorkflow start(DomainMode mode, Long siteId) {
    DomainWorkflow domain =
        client.newWorkflowStub(
            DomainWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(DomainWorkflow.workflowId(DOMAIN))
                .setTaskQueue(TaskQueues.CONTROL)
                .build());
    WorkflowClient.start(
        domain::run, DomainRequest.create(DOMAIN, CUSTOMER, "example.test", mode, siteId));
    return domain;
  }

  private static Step step(DomainWorkflow domain, String name) {
    return domain.progress().steps().stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static Map<String, StepState> states(DomainWorkflow domain) {
    return domain.progress().steps().stream()
        .collect(
            Collectors.toMap(Step::name, Step::state, (a, b) -> a, java.util.LinkedHashMap::new));
  }
}
