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
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class MailboxWorkflowTest {

  private static final long MAILBOX = 21;
  private static final long CUSTOMER = 3;
  private static final Duration RETENTION = Duration.ofDays(30);
  private static final String ID = MailboxWorkflow.workflowId(MAILBOX);
  private static final DateTimeFormatter UNTIL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private final MailCalls calls = new MailCalls();
  private final FakeMailboxRecords records = new FakeMailboxRecords(calls);
  private final FakeMailServers servers = new FakeMailServers(calls);

  @BeforeEach
  void startEnvironment() {
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .registerSearchAttribute("BerthStep", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
                .build());
    var control = env.newWorker(TaskQueues.CONTROL);
    control.registerWorkflowImplementationTypes(MailboxWorkflowImpl.class);
    control.registerActivitiesImplementations(records);
    env.newWorker(TaskQueues.MAIL).registerActivitiesImplementations(servers);
    env.start();
    client = env.getWorkflowClient();
    servers.storedMail.add(MAILBOX);
  }

  @AfterEach
  void stopEnvironment(TestInfo test) throws IOException {
    if (records.activation != null) {
      records.release();
    }
    recordHistory(test);
    env.close();
  }

  /** With {@code -Dberth.recordHistories=<dir>}, keeps the history for WorkflowReplayTest. */
  private void recordHistory(TestInfo test) throws IOException {
    String dir = System.getProperty("berth.recordHistories");
    if (dir != null) {
      String name = test.getTestMethod().orElseThrow().getName();
      String json = client.fetchHistory(ID).toJson(true);
      Files.writeString(Path.of(dir, name + ".mailbox.json"), json);
    }
  }

  @Test
  void aNewMailbox_isRecordedActive_andLivesOnUntilDeleted() {
    MailboxWorkflow mailbox = start(false);

    await().until(() -> records.statuses.get(MAILBOX) == MailboxStatus.ACTIVE);
    await().until(() -> step(memo(), "mailbox").state() == StepState.DONE);
    assertThat(calls.all()).containsExactly(new Call("recordMailbox ACTIVE", TaskQueues.CONTROL));
    Map<String, StepState> expected =
        ordered(
            Map.of(
                "mailbox", StepState.DONE,
                "retention", StepState.PENDING,
                "purge", StepState.PENDING));
    assertThat(states(mailbox.progress())).containsExactlyEntriesOf(expected);
    assertThat(states(memo())).containsExactlyEntriesOf(expected);

    env.sleep(Duration.ofDays(400));
    assertThat(status()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    assertThat(servers.storedMail).containsExactly(MAILBOX);
  }

  @Test
  void aDeletedMailbox_keepsItsMailForTheRetention_thenItIsPurged_andTheWorkflowEnds() {
    MailboxWorkflow mailbox = start(false);
    await().until(() -> records.statuses.get(MAILBOX) == MailboxStatus.ACTIVE);

    long before = env.currentTimeMillis();
    mailbox.delete();
    await().until(() -> records.purgeAfter.containsKey(MAILBOX));
    long after = env.currentTimeMillis();

    Instant purgeAfter = records.purgeAfter.get(MAILBOX);
    assertThat(purgeAfter)
        .isBetween(
            Instant.ofEpochMilli(before).plus(RETENTION),
            Instant.ofEpochMilli(after).plus(RETENTION));
    assertThat(records.statuses.get(MAILBOX)).isEqualTo(MailboxStatus.DELETED);
    await().until(() -> step(memo(), "retention").state() == StepState.WAITING);
    Step retention = step(memo(), "retention");
    assertThat(retention.error())
        .isEqualTo(
            "Mail is kept for 30 days, until " + UNTIL.format(purgeAfter) + ", then removed.");
    assertThat(step(mailbox.progress(), "retention")).isEqualTo(retention);

    env.sleep(Duration.ofDays(29));
    assertThat(servers.storedMail).as("mail kept on day 29").containsExactly(MAILBOX);
    assertThat(calls.names()).doesNotContain("purgeMailbox");
    assertThat(step(memo(), "retention").state()).isEqualTo(StepState.WAITING);

    env.sleep(Duration.ofDays(1));
    WorkflowStub.fromTyped(mailbox).getResult(Void.class);

    assertThat(servers.storedMail).isEmpty();
    assertThat(calls.all())
        .containsExactly(
            new Call("recordMailbox ACTIVE", TaskQueues.CONTROL),
            new Call("markDeleted", TaskQueues.CONTROL),
            new Call("purgeMailbox", TaskQueues.MAIL),
            new Call("recordMailbox PURGED", TaskQueues.CONTROL));
    assertThat(env.currentTimeMillis()).isGreaterThanOrEqualTo(purgeAfter.toEpochMilli());
    assertThat(records.statuses.get(MAILBOX)).isEqualTo(MailboxStatus.PURGED);
    assertThat(status()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
    Map<String, StepState> allDone =
        ordered(
            Map.of(
                "mailbox", StepState.DONE,
                "retention", StepState.DONE,
                "purge", StepState.DONE));
    assertThat(states(mailbox.progress())).containsExactlyEntriesOf(allDone);
    assertThat(states(memo())).containsExactlyEntriesOf(allDone);
    assertThat(step(memo(), "retention").error()).isNull();
  }

  @Test
  void aDeleteWhileTheMailboxIsBeingCreated_isHonouredRightAfter() throws InterruptedException {
    records.activation = new CountDownLatch(1);
    MailboxWorkflow mailbox = start(false);
    assertThat(records.activationStarted.await(10, TimeUnit.SECONDS)).isTrue();

    mailbox.delete();
    assertThat(calls.names()).containsExactly("recordMailbox ACTIVE");
    records.release();

    await().until(() -> records.purgeAfter.containsKey(MAILBOX));
    assertThat(calls.names()).containsExactly("recordMailbox ACTIVE", "markDeleted");
    assertThat(records.statuses.get(MAILBOX)).isEqualTo(MailboxStatus.DELETED);

    env.sleep(RETENTION);
    WorkflowStub.fromTyped(mailbox).getResult(Void.class);
    assertThat(servers.storedMail).isEmpty();
    assertThat(records.statuses.get(MAILBOX)).isEqualTo(MailboxStatus.PURGED);
  }

  @Test
  void givenTheRowIsGone_theMailboxStepFailsWithTheReason_andNothingElseRuns() {
    records.rowMissing = true;
    MailboxWorkflow mailbox = start(false);

    assertThatThrownBy(() -> WorkflowStub.fromTyped(mailbox).getResult(Void.class))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getOriginalMessage()).isEqualTo("Mailbox 21 not found");
              assertThat(failure.getType()).isEqualTo("MAILBOX_FAILED");
              assertThat(failure.isNonRetryable()).isTrue();
            });
    assertThat(calls.names()).containsExactly("recordMailbox ACTIVE", "recordMailbox FAILED");
    assertThat(records.statuses.get(MAILBOX)).isEqualTo(MailboxStatus.FAILED);
    assertThat(records.reasons.get(MAILBOX)).isEqualTo("Mailbox 21 not found");
    Step created = step(memo(), "mailbox");
    assertThat(created.state()).isEqualTo(StepState.FAILED);
    assertThat(created.error()).isEqualTo("Mailbox 21 not found");
    assertThat(servers.storedMail).containsExactly(MAILBOX);
  }

  @Test
  void aContinuedRun_doesNotMakeTheMailboxAgain_andStillServesDelete() {
    MailboxWorkflow mailbox = start(true);
    await().until(() -> step(memo(), "mailbox").state() == StepState.DONE);
    assertThat(calls.names()).isEmpty();

    mailbox.delete();
    await().until(() -> records.purgeAfter.containsKey(MAILBOX));
    env.sleep(RETENTION);
    WorkflowStub.fromTyped(mailbox).getResult(Void.class);

    assertThat(calls.names())
        .containsExactly("markDeleted", "purgeMailbox", "recordMailbox PURGED");
    assertThat(servers.storedMail).isEmpty();
  }

  private MailboxWorkflow start(boolean ready) {
    MailboxWorkflow mailbox =
        client.newWorkflowStub(
            MailboxWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(ID)
                .setTaskQueue(TaskQueues.CONTROL)
                .build());
    WorkflowClient.start(mailbox::run, new MailboxRequest(MAILBOX, CUSTOMER, RETENTION, ready));
    return mailbox;
  }

  private WorkflowExecutionStatus status() {
    return client.newUntypedWorkflowStub(ID).describe().getStatus();
  }

  /** The steps as the panel reads them, from the memo. */
  private Progress memo() {
    return new ProgressReader(client).mailbox(MAILBOX);
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
    for (String name : MailboxWorkflow.STEPS) {
      inOrder.put(name, states.get(name));
    }
    return inOrder;
  }
}
