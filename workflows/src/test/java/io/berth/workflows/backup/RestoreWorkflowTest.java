package io.berth.workflows.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.berth.workflows.FakeHost;
import io.berth.workflows.common.TaskQueues;
import io.berth.workflows.progress.Progress;
import io.berth.workflows.progress.StepState;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class RestoreWorkflowTest {

  private static final long SITE = 12;
  private static final long RESTORE = 5;
  private static final String ID = RestoreWorkflow.workflowId(RESTORE);
  private static final String FAILED_SUFFIX = ". Your site was left as it was before the restore.";

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private final FakeBackupRecords records = new FakeBackupRecords();
  private final FakeBackupHost host = new FakeBackupHost();
  private final FakeHost health = new FakeHost();
  private long backupId;

  @BeforeEach
  void startEnvironment() {
    env = TestWorkflowEnvironment.newInstance(BackupWorkflowTest.searchAttributes());
    var control = env.newWorker(TaskQueues.CONTROL);
    control.registerWorkflowImplementationTypes(
        RestoreWorkflowImpl.class, BackupWorkflowImpl.class);
    control.registerActivitiesImplementations(records);
    env.newWorker(TaskQueues.host(FakeBackupRecords.HOST))
        .registerActivitiesImplementations(host, health);
    env.start();
    client = env.getWorkflowClient();
    host.siteData.put(SITE, "today's files");
    backupId = records.givenRestore(RESTORE, host, SITE, "last week's files");
  }

  @AfterEach
  void stopEnvironment(TestInfo test) throws IOException {
    String dir = System.getProperty("berth.recordHistories");
    if (dir != null) {
      String name = test.getTestMethod().orElseThrow().getName();
      Files.writeString(Path.of(dir, name + ".restore.json"), client.fetchHistory(ID).toJson(true));
    }
    health.slowHealth = false;
    env.close();
  }

  @Test
  void aRestore_backsUpTheSiteFirst_thenChecksStagesSwapsChecksHealthAndCleansUp() {
    RestoreWorkflow restore = start();
    restore.run(new RestoreRequest(RESTORE));

    assertThat(host.siteData).containsEntry(SITE, "last week's files");
    long preRestore = records.preRestoreBackups.get(RESTORE);
    assertThat(records.kinds).containsEntry(preRestore, BackupKind.PRE_RESTORE);
    assertThat(records.statuses).containsEntry(preRestore, "VERIFIED");
    assertThat(records.idsByWorkflow)
        .containsEntry(BackupWorkflow.preRestoreWorkflowId(SITE, RESTORE), preRestore);
    assertThat(host.stored).containsEntry("site-12/backup-" + preRestore, "today's files");
    assertThat(host.calls)
        .containsExactly(
            "createBackup " + preRestore,
            "verifyBackup " + preRestore,
            "checkArchive " + backupId,
            "stageRestore " + RESTORE,
            "swapInRestore " + RESTORE,
            "finishRestore " + RESTORE);
    assertThat(host.movedAside).isEmpty();
    assertThat(records.restoreStatuses).containsEntry(RESTORE, "COMPLETED");
    assertThat(states(WorkflowStub.fromTyped(restore).query("progress", Progress.class)))
        .containsExactlyEntriesOf(
            ordered(
                StepState.DONE,
                StepState.DONE,
                StepState.DONE,
                StepState.DONE,
                StepState.DONE,
                StepState.DONE));
  }

  @Test
  void givenThePreRestoreBackupIsCorrupt_theRestoreStops_andNothingIsTouched() {
    host.corruptProblem = "database.sql.gz: 3 rows of wp_posts missing";

    RestoreWorkflow restore = start();
    assertFailsWith(
        restore,
        "The restore failed: the backup of your site made just before it did not pass"
            + " verification"
            + FAILED_SUFFIX);

    assertThat(host.siteData).containsEntry(SITE, "today's files");
    assertThat(host.calls).noneMatch(c -> c.startsWith("checkArchive") || c.contains("Restore"));
    assertThat(records.restoreStatuses).containsEntry(RESTORE, "FAILED");
    assertThat(states(WorkflowStub.fromTyped(restore).query("progress", Progress.class)))
        .containsExactlyEntriesOf(
            ordered(
                StepState.FAILED,
                StepState.CANCELLED,
                StepState.CANCELLED,
                StepState.CANCELLED,
                StepState.CANCELLED,
                StepState.CANCELLED));
  }

  @Test
  void givenTheArchiveFailsItsCheck_nothingIsStagedOrSwapped() {
    host.checkRefusal = "files.tar.gz does not match its checksum";

    RestoreWorkflow restore = start();
    assertFailsWith(
        restore, "The restore failed: files.tar.gz does not match its checksum" + FAILED_SUFFIX);

    assertThat(host.siteData).containsEntry(SITE, "today's files");
    assertThat(host.calls)
        .noneMatch(c -> c.startsWith("stageRestore") || c.startsWith("swapInRestore"));
    assertThat(records.restoreReasons)
        .containsEntry(
            RESTORE,
            "The restore failed: files.tar.gz does not match its checksum" + FAILED_SUFFIX);
  }

  @Test
  void givenTheSwapFails_itRollsBack_andTheSiteKeepsItsData() {
    host.swapRefusal = "The site's container could not be stopped.";

    RestoreWorkflow restore = start();
    assertFailsWith(
        restore, "The restore failed: The site's container could not be stopped" + FAILED_SUFFIX);

    assertThat(host.siteData).containsEntry(SITE, "today's files");
    assertThat(host.staged).isEmpty();
    assertThat(host.calls).contains("rollbackRestore " + RESTORE);
    assertThat(host.calls).doesNotContain("finishRestore " + RESTORE);
    assertThat(records.restoreStatuses).containsEntry(RESTORE, "FAILED");
    Map<String, StepState> states =
        states(WorkflowStub.fromTyped(restore).query("progress", Progress.class));
    assertThat(states).containsEntry(RestoreWorkflow.STEP_SWAP, StepState.FAILED);
    assertThat(states).containsEntry(RestoreWorkflow.STEP_HEALTH, StepState.CANCELLED);
  }

  @Test
  void givenTheSiteIsUnhealthyAfterTheSwap_itRollsBack() {
    health.unhealthy = true;

    RestoreWorkflow restore = start();
    assertFailsWith(
        restore, "The restore failed: The site did not answer through the proxy" + FAILED_SUFFIX);

    assertThat(host.siteData).containsEntry(SITE, "today's files");
    assertThat(host.calls).contains("rollbackRestore " + RESTORE);
  }

  @Test
  void theProgressQuery_showsTheRunningStep() {
    health.slowHealth = true;
    RestoreWorkflow restore = start();
    WorkflowClient.execute(restore::run, new RestoreRequest(RESTORE));

    await()
        .until(
            () -> states(restore.progress()).get(RestoreWorkflow.STEP_HEALTH) == StepState.RUNNING);
    assertThat(states(restore.progress()))
        .containsExactlyEntriesOf(
            ordered(
                StepState.DONE,
                StepState.DONE,
                StepState.DONE,
                StepState.DONE,
                StepState.RUNNING,
                StepState.PENDING));

    health.slowHealth = false;
    WorkflowStub.fromTyped(restore).getResult(Void.class);
    assertThat(records.restoreStatuses).containsEntry(RESTORE, "COMPLETED");
  }

  private void assertFailsWith(RestoreWorkflow restore, String message) {
    assertThatThrownBy(() -> restore.run(new RestoreRequest(RESTORE)))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getOriginalMessage()).isEqualTo(message);
              assertThat(f.getType()).isEqualTo(RestoreWorkflowImpl.RESTORE_FAILED);
            });
    assertThat(records.restoreReasons).containsEntry(RESTORE, message);
  }

  private RestoreWorkflow start() {
    return client.newWorkflowStub(
        RestoreWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(ID).setTaskQueue(TaskQueues.CONTROL).build());
  }

  private static Map<String, StepState> states(Progress progress) {
    return BackupWorkflowTest.states(progress);
  }

  private static Map<String, StepState> ordered(StepState... states) {
    Map<String, StepState> expected = new LinkedHashMap<>();
    for (int i = 0; i < states.length; i++) {
      expected.put(RestoreWorkflow.STEPS.get(i), states[i]);
    }
    return expected;
  }
}
