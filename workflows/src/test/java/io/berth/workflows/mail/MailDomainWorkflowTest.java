package io.berth.workflows.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.berth.workflows.common.TaskQueues;
import io.berth.workflows.mail.MailCalls.Call;
import io.berth.workflows.progress.Progress;
import io.berth.workflows.progress.ProgressReader;
import io.berth.workflows.progress.Step;
import io.berth.workflows.progress.StepState;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.WorkflowExecutionStartedEventAttributes;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class MailDomainWorkflowTest {

  private static final long MAIL_DOMAIN = 8;
  private static final long CUSTOMER = 3;
  private static final String ID = MailDomainWorkflow.workflowId(MAIL_DOMAIN);

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private final MailCalls calls = new MailCalls();
  private final FakeMailDomains domains = new FakeMailDomains(calls);
  private final FakeMailServers servers = new FakeMailServers(calls);

  @BeforeEach
  void startEnvironment() {
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .registerSearchAttribute("BerthStep", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
                .build());
    var control = env.newWorker(TaskQueues.CONTROL);
    control.registerWorkflowImplementationTypes(MailDomainWorkflowImpl.class);
    control.registerActivitiesImplementations(domains);
    env.newWorker(TaskQueues.MAIL).registerActivitiesImplementations(servers);
    env.start();
    client = env.getWorkflowClient();
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
      String json = client.fetchHistory(ID).toJson(true);
      Files.writeString(Path.of(dir, name + ".maildomain.json"), json);
    }
  }

  @Test
  void turningEmailOn_makesTheKeyPublishesTheRecordsEnablesTheServers_andIsActive() {
    MailDomainWorkflow mail = start();

    await().until(() -> domains.statuses.get(MAIL_DOMAIN) == MailDomainStatus.ACTIVE);
    assertThat(calls.all())
        .containsExactly(
            new Call("ensureDkimKey", TaskQueues.CONTROL),
            new Call("publishDnsRecords", TaskQueues.CONTROL),
            new Call("enableDomain", TaskQueues.MAIL),
            new Call("recordMailDomain ACTIVE", TaskQueues.CONTROL));
    assertThat(domains.published.get(MAIL_DOMAIN)).isEqualTo(FakeMailDomains.RECORDS);
    assertThat(servers.servedDomains).containsExactly(MAIL_DOMAIN);
    Map<String, StepState> allDone =
        Map.of("dkim", StepState.DONE, "dns", StepState.DONE, "servers", StepState.DONE);
    assertThat(states(mail.progress())).containsExactlyEntriesOf(ordered(allDone));
    assertThat(states(memo())).containsExactlyEntriesOf(ordered(allDone));
    assertThat(mail.dnsRecords()).isEqualTo(FakeMailDomains.RECORDS);
    assertThat(mail.dnsRecords())
        .extracting(r -> r.name() + " " + r.type())
        .containsExactly("@ MX", "@ TXT", "berth._domainkey TXT", "_dmarc TXT");
    assertThat(describe().getStatus())
        .as("lives on as the mail domain's entity")
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
  }

  @Test
  void givenTheSecretStoreIsDown_theDkimStepShowsRetryingWithTheReason_thenGoesOn() {
    domains.transientDkimFailures = 3;
    start();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              Step dkim = step(memo(), "dkim");
              assertThat(dkim.state()).isEqualTo(StepState.RETRYING);
              assertThat(dkim.attempt()).isGreaterThanOrEqualTo(2);
              assertThat(dkim.error()).contains("Secret store unreachable");
            });

    await().until(() -> domains.statuses.get(MAIL_DOMAIN) == MailDomainStatus.ACTIVE);
    assertThat(domains.dkimAttempts).hasValue(4);
    assertThat(step(memo(), "dkim").state()).isEqualTo(StepState.DONE);
    assertThat(step(memo(), "dkim").error()).isNull();
  }

  @Test
  void givenTheDkimKeyCannotBeMade_itFailsWithTheReason_andNothingAfterItRuns() {
    domains.dkimRefused = true;
    MailDomainWorkflow mail = start();

    assertFailsWith(mail, "Mail domain 8 not found");
    assertThat(calls.names())
        .containsExactly("ensureDkimKey", "recordMailDomain FAILED")
        .doesNotContain("recordMailDomain ACTIVE");
    assertThat(domains.statuses.get(MAIL_DOMAIN)).isEqualTo(MailDomainStatus.FAILED);
    assertThat(domains.reasons.get(MAIL_DOMAIN)).isEqualTo("Mail domain 8 not found");
    Step dkim = step(mail.progress(), "dkim");
    assertThat(dkim.state()).isEqualTo(StepState.FAILED);
    assertThat(dkim.error()).isEqualTo("Mail domain 8 not found");
    assertThat(states(memo()))
        .containsExactlyEntriesOf(
            ordered(
                Map.of(
                    "dkim", StepState.FAILED,
                    "dns", StepState.CANCELLED,
                    "servers", StepState.CANCELLED)));
  }

  @Test
  void givenTheZoneRefusesTheRecords_itFailsWithTheReason_andWithdrawsWhatWasPublished() {
    domains.dnsRefused = true;
    MailDomainWorkflow mail = start();

    String reason = "The DNS server refused the records of example.test";
    assertFailsWith(mail, reason);
    assertThat(calls.names())
        .containsExactly(
            "ensureDkimKey", "publishDnsRecords", "withdrawDnsRecords", "recordMailDomain FAILED");
    assertThat(domains.published).isEmpty();
    assertThat(servers.servedDomains).isEmpty();
    assertThat(domains.statuses.get(MAIL_DOMAIN)).isEqualTo(MailDomainStatus.FAILED);
    assertThat(domains.reasons.get(MAIL_DOMAIN)).isEqualTo(reason);
    assertThat(step(memo(), "dns").state()).isEqualTo(StepState.FAILED);
    assertThat(step(memo(), "dns").error()).isEqualTo(reason);
    assertThat(step(memo(), "dkim").state()).isEqualTo(StepState.DONE);
    assertThat(step(memo(), "servers").state()).isEqualTo(StepState.CANCELLED);
    assertThat(mail.dnsRecords()).isEmpty();
  }

  @Test
  void givenTheSignerRefusesTheKey_itFailsWithTheReason_andTakesTheDomainOffServersAndDns() {
    servers.enableRefused = true;
    MailDomainWorkflow mail = start();

    String reason = "OpenDKIM refused the key of example.test";
    assertFailsWith(mail, reason);
    assertThat(calls.all())
        .containsExactly(
            new Call("ensureDkimKey", TaskQueues.CONTROL),
            new Call("publishDnsRecords", TaskQueues.CONTROL),
            new Call("enableDomain", TaskQueues.MAIL),
            new Call("disableDomain", TaskQueues.MAIL),
            new Call("withdrawDnsRecords", TaskQueues.CONTROL),
            new Call("recordMailDomain FAILED", TaskQueues.CONTROL));
    assertThat(servers.servedDomains).isEmpty();
    assertThat(domains.published).isEmpty();
    assertThat(domains.statuses.get(MAIL_DOMAIN)).isEqualTo(MailDomainStatus.FAILED);
    assertThat(domains.reasons.get(MAIL_DOMAIN)).isEqualTo(reason);
    assertThat(step(memo(), "servers").state()).isEqualTo(StepState.FAILED);
    assertThat(step(memo(), "servers").error()).isEqualTo(reason);
  }

  @Test
  void givenLiveMailboxes_turningOffChangesNothing_andTheDomainKeepsWaiting() {
    domains.mailboxes.add(21L);
    MailDomainWorkflow mail = start();
    await().until(() -> domains.statuses.get(MAIL_DOMAIN) == MailDomainStatus.ACTIVE);

    mail.turnOff();
    await().until(() -> calls.count("liveMailboxes") == 1);
    assertThat(describe().getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    assertThat(calls.names())
        .doesNotContain("recordMailDomain REMOVING", "disableDomain", "withdrawDnsRecords")
        .last()
        .isEqualTo("liveMailboxes");
    assertThat(domains.statuses.get(MAIL_DOMAIN)).isEqualTo(MailDomainStatus.ACTIVE);
    assertThat(servers.servedDomains).containsExactly(MAIL_DOMAIN);
    assertThat(domains.published).containsKey(MAIL_DOMAIN);
    assertThat(mail.dnsRecords()).isEqualTo(FakeMailDomains.RECORDS);

    domains.mailboxes.clear();
    mail.turnOff();
    WorkflowStub.fromTyped(mail).getResult(Void.class);
    assertThat(domains.statuses.get(MAIL_DOMAIN)).isEqualTo(MailDomainStatus.REMOVED);
  }

  @Test
  void turningOff_takesTheDomainOffTheServersAndDns_recordsRemoved_andEnds() {
    MailDomainWorkflow mail = start();
    await().until(() -> domains.statuses.get(MAIL_DOMAIN) == MailDomainStatus.ACTIVE);

    mail.turnOff();
    WorkflowStub.fromTyped(mail).getResult(Void.class);

    assertThat(calls.all().subList(4, calls.all().size()))
        .containsExactly(
            new Call("liveMailboxes", TaskQueues.CONTROL),
            new Call("recordMailDomain REMOVING", TaskQueues.CONTROL),
            new Call("disableDomain", TaskQueues.MAIL),
            new Call("withdrawDnsRecords", TaskQueues.CONTROL),
            new Call("recordMailDomain REMOVED", TaskQueues.CONTROL));
    assertThat(servers.servedDomains).isEmpty();
    assertThat(domains.published).isEmpty();
    assertThat(domains.statuses.get(MAIL_DOMAIN)).isEqualTo(MailDomainStatus.REMOVED);
    assertThat(mail.dnsRecords()).isEmpty();
  }

  @Test
  void turningOffDuringSetUp_isHonouredOnceTheDomainIsActive() {
    domains.transientDkimFailures = 1;
    MailDomainWorkflow mail = start();
    mail.turnOff();

    WorkflowStub.fromTyped(mail).getResult(Void.class);

    assertThat(calls.names())
        .containsSubsequence(
            "enableDomain",
            "recordMailDomain ACTIVE",
            "liveMailboxes",
            "disableDomain",
            "withdrawDnsRecords",
            "recordMailDomain REMOVED");
    assertThat(servers.servedDomains).isEmpty();
    assertThat(domains.published).isEmpty();
  }

  @Test
  void continuingAsNew_keepsAnsweringTheDnsRecords_withoutRepeatingTheSetUp() {
    domains.mailboxes.add(21L);
    start();
    MailDomainWorkflow mail = client.newWorkflowStub(MailDomainWorkflow.class, ID);
    await().until(() -> domains.statuses.get(MAIL_DOMAIN) == MailDomainStatus.ACTIVE);
    String firstRun = describe().getExecution().getRunId();

    // Refused turn-offs (a mailbox still exists) grow the history past the 4096 events at which
    // Temporal suggests a new run; once they stop, the workflow takes the suggestion.
    for (int i = 0; i < 4200; i++) {
      mail.turnOff();
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> !describe().getExecution().getRunId().equals(firstRun));

    assertThat(inputOfLatestRun()).isEqualTo(new MailDomainRequest(MAIL_DOMAIN, CUSTOMER, true));
    await().until(() -> !mail.dnsRecords().isEmpty());
    assertThat(mail.dnsRecords()).isEqualTo(FakeMailDomains.RECORDS);
    assertThat(states(mail.progress()))
        .containsExactlyEntriesOf(
            ordered(
                Map.of("dkim", StepState.DONE, "dns", StepState.DONE, "servers", StepState.DONE)));
    assertThat(calls.count("ensureDkimKey")).isEqualTo(1);
    assertThat(calls.count("enableDomain")).isEqualTo(1);
    assertThat(calls.count("recordMailDomain ACTIVE")).isEqualTo(1);
    assertThat(calls.count("publishDnsRecords")).isEqualTo(2);
    assertThat(calls.names()).doesNotContain("disableDomain", "withdrawDnsRecords");

    domains.mailboxes.clear();
    mail.turnOff();
    WorkflowStub.fromTyped(mail).getResult(Void.class);
    assertThat(domains.statuses.get(MAIL_DOMAIN)).isEqualTo(MailDomainStatus.REMOVED);
    assertThat(servers.servedDomains).isEmpty();
  }

  private MailDomainWorkflow start() {
    MailDomainWorkflow mail =
        client.newWorkflowStub(
            MailDomainWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(ID)
                .setTaskQueue(TaskQueues.CONTROL)
                .build());
    WorkflowClient.start(mail::run, new MailDomainRequest(MAIL_DOMAIN, CUSTOMER, false));
    return mail;
  }

  private static void assertFailsWith(MailDomainWorkflow mail, String reason) {
    assertThatThrownBy(() -> WorkflowStub.fromTyped(mail).getResult(Void.class))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getOriginalMessage()).isEqualTo(reason);
              assertThat(failure.getType()).isEqualTo("MAIL_DOMAIN_FAILED");
              assertThat(failure.isNonRetryable()).isTrue();
            });
  }

  private WorkflowExecutionDescription describe() {
    return client.newUntypedWorkflowStub(ID).describe();
  }

  /** The steps as the panel reads them: from the memo, with the retrying activity's attempt. */
  private Progress memo() {
    return new ProgressReader(client).mailDomain(MAIL_DOMAIN);
  }

  private MailDomainRequest inputOfLatestRun() {
    WorkflowExecutionStartedEventAttributes started =
        client
            .fetchHistory(ID)
            .getHistory()
            .getEvents(0)
            .getWorkflowExecutionStartedEventAttributes();
    assertThat(started.getContinuedExecutionRunId()).isNotEmpty();
    return DefaultDataConverter.newDefaultInstance()
        .fromPayloads(
            0, Optional.of(started.getInput()), MailDomainRequest.class, MailDomainRequest.class);
  }

  private static Step step(Progress progress, String name) {
    return progress.steps().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  private static Map<String, StepState> states(Progress progress) {
    return progress.steps().stream()
        .collect(Collectors.toMap(Step::name, Step::state, (a, b) -> a, LinkedHashMap::new));
  }

  private static Map<String, StepState> ordered(Map<String, StepState> states) {
    Map<String, StepState> inOrder = new LinkedHashMap<>();
    for (String name : MailDomainWorkflow.STEPS) {
      inOrder.put(name, states.get(name));
    }
    return inOrder;
  }
}
