package io.berth.workflows.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.berth.workflows.common.TaskQueues;
import io.berth.workflows.progress.Step;
import io.berth.workflows.progress.StepState;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.history.v1.WorkflowExecutionStartedEventAttributes;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class CertificateWorkflowTest {

  private static final CertificateSubject SITE = CertificateSubject.site(11);
  private static final List<String> NAMES = List.of("example.test", "www.example.test");
  private static final CertificateTarget SITE_TARGET =
      new CertificateTarget("h1", NAMES, ChallengeType.HTTP_01);
  private static final String NOT_HERE =
      "example.test does not point to this server: the CA reached 192.0.2.7";

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private final FakeCertificateAuthority ca = new FakeCertificateAuthority();
  private final FakeCertificateHost host = new FakeCertificateHost();
  private CertificateSubject started = SITE;

  @BeforeEach
  void startEnvironment() {
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .registerSearchAttribute("BerthSiteId", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
                .registerSearchAttribute("BerthStep", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
                .build());
    var control = env.newWorker(TaskQueues.CONTROL);
    control.registerWorkflowImplementationTypes(CertificateWorkflowImpl.class);
    control.registerActivitiesImplementations(ca);
    env.newWorker(TaskQueues.host("h1")).registerActivitiesImplementations(host);
    env.start();
    client = env.getWorkflowClient();
    ca.target = SITE_TARGET;
  }

  @AfterEach
  void stopEnvironment(TestInfo test) throws IOException {
    recordHistory(test);
    env.close();
  }

  /** With {@code -Dberth.recordHistories=<dir>}, keeps the latest run for WorkflowReplayTest. */
  private void recordHistory(TestInfo test) throws IOException {
    String dir = System.getProperty("berth.recordHistories");
    if (dir != null) {
      String name = test.getTestMethod().orElseThrow().getName();
      String json = client.fetchHistory(CertificateWorkflow.workflowId(started)).toJson(true);
      Files.writeString(Path.of(dir, name + ".certificate.json"), json);
    }
  }

  @Test
  void givenASiteWithLiveDomains_itOrdersValidatesIssuesAndInstallsTheCertificate() {
    CertificateWorkflow certificate = start(SITE);

    await().until(() -> certificate.state().status() == CertificateStatus.ISSUED);
    CertificateState state = certificate.state();
    IssuedCertificate installed = state.installed();
    assertThat(installed.names()).containsExactlyElementsOf(NAMES);
    assertThat(host.serving).isEqualTo(installed.certificateId());
    assertThat(ca.recordedInstalled).containsExactly(installed.certificateId());
    assertThat(state.nextAttemptAt()).isEqualTo(installed.notBefore().plus(Duration.ofDays(60)));
    assertThat(state.lastFailure()).isNull();
    assertThat(state.recentFailures()).isZero();
    assertThat(states(certificate))
        .containsExactly(
            Map.entry("order", StepState.DONE),
            Map.entry("validate", StepState.DONE),
            Map.entry("issue", StepState.DONE),
            Map.entry("install", StepState.DONE));
    assertThat(host.published)
        .extracting(AcmeChallenge::identifier)
        .containsExactlyElementsOf(NAMES);
    assertThat(host.withdrawn).containsExactlyElementsOf(host.published);
    assertThat(ca.dnsPublished).isEmpty();
  }

  @Test
  void renewalHappensAtTwoThirdsOfTheLifetime_andContinueAsNewKeepsTheInstalledCertificate() {
    CertificateWorkflow certificate = start(SITE);
    await().until(() -> certificate.state().status() == CertificateStatus.ISSUED);
    IssuedCertificate first = certificate.state().installed();

    env.sleep(Duration.ofDays(59));
    assertThat(ca.orders).hasSize(1);
    assertThat(certificate.state().installed()).isEqualTo(first);

    env.sleep(Duration.ofDays(2));
    await().until(() -> ca.orders.size() == 2);
    await().until(() -> !certificate.state().installed().equals(first));
    IssuedCertificate second = certificate.state().installed();
    assertThat(second.serial()).isNotEqualTo(first.serial());
    assertThat(host.serving).isEqualTo(second.certificateId());
    assertThat(host.uninstalls).isEmpty();
    assertThat(Duration.between(first.notBefore(), second.notBefore()))
        .isBetween(Duration.ofDays(60), Duration.ofDays(60).plusMinutes(1));

    CertificateRequest carried = inputOfLatestRun();
    assertThat(carried.state().installed()).isEqualTo(first);
    assertThat(carried.state().status()).isEqualTo(CertificateStatus.ISSUED);
  }

  @Test
  void givenNamesThatDoNotPointHere_itShowsTheReason_andRetriesAfter15Then30Minutes() {
    ca.refusal = NOT_HERE;
    CertificateWorkflow certificate = start(SITE);

    await().until(() -> certificate.state().status() == CertificateStatus.FAILING);
    CertificateState state = certificate.state();
    assertThat(state.installed()).isNull();
    assertThat(state.lastFailure()).isEqualTo(NOT_HERE);
    assertThat(state.recentFailures()).isEqualTo(1);
    Step validate = step(certificate, "validate");
    assertThat(validate.state()).isEqualTo(StepState.FAILED);
    assertThat(validate.error()).isEqualTo(NOT_HERE);
    assertThat(host.serving).isNull();

    env.sleep(Duration.ofHours(6));
    await().until(() -> ca.validationTimes.size() == 5);
    List<Long> at = ca.validationTimes;
    long minute = Duration.ofMinutes(1).toMillis();
    assertThat(at.get(1) - at.get(0)).isCloseTo(15 * minute, within(1000L));
    assertThat(at.get(2) - at.get(1)).isCloseTo(30 * minute, within(1000L));
    assertThat(at.get(3) - at.get(2)).isCloseTo(60 * minute, within(1000L));
    assertThat(at.get(4) - at.get(3)).isCloseTo(120 * minute, within(1000L));
    for (long from : at) {
      long inTheHour =
          at.stream().filter(t -> t >= from && t < from + Duration.ofHours(1).toMillis()).count();
      assertThat(inTheHour).as("failed validations in an hour").isLessThanOrEqualTo(4);
    }
    assertThat(host.withdrawn).containsExactlyElementsOf(host.published);
    assertThat(host.published).hasSize(2 * 5);
    assertThat(certificate.state().recentFailures()).isEqualTo(5);
  }

  @Test
  void givenAFailedRenewal_theInstalledCertificateKeepsServing_andTheReasonIsShown() {
    CertificateWorkflow certificate = start(SITE);
    await().until(() -> certificate.state().status() == CertificateStatus.ISSUED);
    IssuedCertificate first = certificate.state().installed();

    ca.refusal = NOT_HERE;
    env.sleep(Duration.ofDays(60).plusMinutes(1));
    await().until(() -> certificate.state().status() == CertificateStatus.FAILING);

    CertificateState state = certificate.state();
    assertThat(state.installed()).isEqualTo(first);
    assertThat(state.lastFailure()).isEqualTo(NOT_HERE);
    assertThat(host.serving).isEqualTo(first.certificateId());
    assertThat(host.uninstalls).isEmpty();
    assertThat(host.installs).containsExactly(first.certificateId());
    assertThat(step(certificate, "validate").error()).isEqualTo(NOT_HERE);

    ca.refusal = null;
    env.sleep(Duration.ofMinutes(16));
    await().until(() -> certificate.state().status() == CertificateStatus.ISSUED);
    assertThat(certificate.state().installed()).isNotEqualTo(first);
    assertThat(certificate.state().lastFailure()).isNull();
    assertThat(certificate.state().recentFailures()).isZero();
  }

  @Test
  void givenARateLimit_theNextAttemptWaitsTheLongestBackoff() {
    ca.refusal = "Too many failed validations for example.test; try again later.";
    ca.refusalType = "urn:ietf:params:acme:error:rateLimited";
    CertificateWorkflow certificate = start(SITE);
    await().until(() -> certificate.state().status() == CertificateStatus.FAILING);

    env.sleep(Duration.ofHours(5).plusMinutes(59));
    assertThat(ca.validationTimes).hasSize(1);
    env.sleep(Duration.ofMinutes(2));
    await().until(() -> ca.validationTimes.size() == 2);
  }

  @Test
  void retryNowSkipsTheBackoff() {
    ca.refusal = NOT_HERE;
    CertificateWorkflow certificate = start(SITE);
    await().until(() -> certificate.state().status() == CertificateStatus.FAILING);
    long failedAt = env.currentTimeMillis();

    ca.refusal = null;
    certificate.retryNow();

    await().until(() -> certificate.state().status() == CertificateStatus.ISSUED);
    assertThat(ca.validationTimes).hasSize(2);
    assertThat(env.currentTimeMillis() - failedAt).isLessThan(Duration.ofMinutes(1).toMillis());
  }

  @Test
  void namesChangedWithOtherNamesOrdersANewCertificate_butTheSameNamesChangeNothing() {
    CertificateWorkflow certificate = start(SITE);
    await().until(() -> certificate.state().status() == CertificateStatus.ISSUED);
    int reads = ca.targetReads.get();

    certificate.namesChanged();
    await().until(() -> ca.targetReads.get() == reads + 1);
    assertThat(ca.orders).hasSize(1);

    List<String> more = List.of("example.test", "shop.test", "www.example.test", "www.shop.test");
    ca.target = new CertificateTarget("h1", more, ChallengeType.HTTP_01);
    certificate.namesChanged();

    await().until(() -> ca.orders.size() == 2);
    await().until(() -> certificate.state().installed().names().size() == 4);
    assertThat(ca.orders.get(1)).containsExactlyElementsOf(more);
    assertThat(host.serving).isEqualTo(certificate.state().installed().certificateId());
    assertThat(certificate.state().status()).isEqualTo(CertificateStatus.ISSUED);
  }

  @Test
  void whenTheLastNamesGoAway_theCertificateIsTakenOut_andTheWorkflowEnds() {
    CertificateWorkflow certificate = start(SITE);
    await().until(() -> certificate.state().status() == CertificateStatus.ISSUED);

    ca.target = new CertificateTarget("h1", List.of(), ChallengeType.HTTP_01);
    certificate.namesChanged();
    WorkflowStub.fromTyped(certificate).getResult(Void.class);

    assertThat(host.uninstalls).containsExactly(SITE);
    assertThat(host.serving).isNull();
    assertThat(certificate.state().status()).isEqualTo(CertificateStatus.REMOVED);
    assertThat(ca.orders).hasSize(1);
  }

  @Test
  void givenNoNamesAtAll_nothingIsOrderedOrUninstalled_andTheWorkflowEnds() {
    ca.target = new CertificateTarget("h1", List.of(), ChallengeType.HTTP_01);
    CertificateWorkflow certificate = start(SITE);

    WorkflowStub.fromTyped(certificate).getResult(Void.class);

    assertThat(ca.orders).isEmpty();
    assertThat(host.uninstalls).isEmpty();
    assertThat(states(certificate).values()).containsOnly(StepState.SKIPPED);
  }

  @Test
  void thePlatformWildcardIsValidatedThroughDns_notThroughTheHost() {
    ca.target =
        new CertificateTarget("h1", List.of("*.berth.test", "berth.test"), ChallengeType.DNS_01);
    CertificateWorkflow certificate = start(CertificateSubject.PLATFORM);

    await().until(() -> certificate.state().status() == CertificateStatus.ISSUED);

    long orderId = ca.dnsPublished.get(0);
    assertThat(ca.dnsPublished).containsExactly(orderId);
    assertThat(ca.dnsWithdrawn).containsExactly(orderId);
    assertThat(host.published).isEmpty();
    assertThat(host.withdrawn).isEmpty();
    assertThat(host.serving).isEqualTo(certificate.state().installed().certificateId());
  }

  @Test
  void givenAFailedDnsValidation_theTxtRecordsAreWithdrawnToo() {
    ca.refusal = "No TXT record found at _acme-challenge.berth.test";
    ca.target =
        new CertificateTarget("h1", List.of("*.berth.test", "berth.test"), ChallengeType.DNS_01);
    CertificateWorkflow certificate = start(CertificateSubject.PLATFORM);

    await().until(() -> certificate.state().status() == CertificateStatus.FAILING);

    assertThat(ca.dnsWithdrawn).containsExactlyElementsOf(ca.dnsPublished).hasSize(1);
  }

  private CertificateWorkflow start(CertificateSubject subject) {
    started = subject;
    CertificateWorkflow certificate =
        client.newWorkflowStub(
            CertificateWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(CertificateWorkflow.workflowId(subject))
                .setTaskQueue(TaskQueues.CONTROL)
                .build());
    WorkflowClient.start(certificate::run, CertificateRequest.first(subject));
    return certificate;
  }

  private CertificateRequest inputOfLatestRun() {
    WorkflowExecutionStartedEventAttributes startedRun =
        client
            .fetchHistory(CertificateWorkflow.workflowId(started))
            .getHistory()
            .getEvents(0)
            .getWorkflowExecutionStartedEventAttributes();
    assertThat(startedRun.getContinuedExecutionRunId()).isNotEmpty();
    return DefaultDataConverter.newDefaultInstance()
        .fromPayloads(
            0,
            Optional.of(startedRun.getInput()),
            CertificateRequest.class,
            CertificateRequest.class);
  }

  private static Step step(CertificateWorkflow certificate, String name) {
    return certificate.progress().steps().stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static Map<String, StepState> states(CertificateWorkflow certificate) {
    return certificate.progress().steps().stream()
        .collect(Collectors.toMap(Step::name, Step::state, (a, b) -> a, LinkedHashMap::new));
  }
}
