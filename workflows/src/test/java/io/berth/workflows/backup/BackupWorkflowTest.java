package io.berth.workflows.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.workflows.common.TaskQueues;
import io.berth.workflows.progress.Progress;
import io.berth.workflows.progress.Step;
import io.berth.workflows.progress.StepState;
import io.temporal.api.enums.v1.IndexedValueType;
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
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class BackupWorkflowTest {

  private static final long SITE = 12;

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private final FakeBackupRecords records = new FakeBackupRecords();
  private final FakeBackupHost host = new FakeBackupHost();
  private String workflowId;

  @BeforeEach
  void startEnvironment() {
    env = TestWorkflowEnvironment.newInstance(searchAttributes());
    var control = env.newWorker(TaskQueues.CONTROL);
    control.registerWorkflowImplementationTypes(BackupWorkflowImpl.class);
    control.registerActivitiesImplementations(records);
    env.newWorker(TaskQueues.host(FakeBackupRecords.HOST)).registerActivitiesImplementations(host);
    env.start();
    client = env.getWorkflowClient();
    host.siteData.put(SITE, "site files v1");
  }

  static TestEnvironmentOptions searchAttributes() {
    return TestEnvironmentOptions.newBuilder()
        .registerSearchAttribute("BerthStep", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
        .registerSearchAttribute("BerthSiteId", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
        .registerSearchAttribute("BerthCustomerId", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
        .build();
  }

  @AfterEach
  void stopEnvironment(TestInfo test) throws IOException {
    String dir = System.getProperty("berth.recordHistories");
    if (dir != null && workflowId != null) {
      String name = test.getTestMethod().orElseThrow().getName();
      Files.writeString(
          Path.of(dir, name + ".backup.json"), client.fetchHistory(workflowId).toJson(true));
    }
    env.close();
  }

  @Test
  void aManualBackup_isArchivedVerifiedAndRecorded_thenRetentionDeletesWhatThePlanNoLongerKeeps() {
    records.expired.add(new ExpiredBackup(3, FakeBackupRecords.HOST, "site-12/backup-3"));
    host.stored.put("site-12/backup-3", "old files");

    BackupWorkflow backup = start(BackupWorkflow.manualWorkflowId(SITE, "r1"));
    BackupResult result = backup.run(new BackupRequest(SITE, BackupKind.MANUAL));

    assertThat(result.verified()).isTrue();
    assertThat(records.statuses).containsEntry(result.backupId(), "VERIFIED");
    assertThat(records.statuses).containsEntry(3L, "DELETED");
    assertThat(records.kinds).containsEntry(result.backupId(), BackupKind.MANUAL);
    assertThat(host.stored)
        .containsOnlyKeys("site-12/backup-" + result.backupId())
        .containsValue("site files v1");
    assertThat(host.calls)
        .containsExactly(
            "createBackup " + result.backupId(),
            "verifyBackup " + result.backupId(),
            "deleteBackup site-12/backup-3");
    assertThat(states(backup.progress()))
        .containsExactlyEntriesOf(ordered(StepState.DONE, StepState.DONE, StepState.DONE));
  }

  @Test
  void aBackupThatFailsVerification_isRecordedCorrupt_withTheProblem() {
    host.corruptProblem = "wp-content/index.php differs from the archive";

    BackupWorkflow backup = start(BackupWorkflow.scheduledWorkflowId(SITE) + "-1");
    BackupResult result = backup.run(new BackupRequest(SITE, BackupKind.SCHEDULED));

    assertThat(result.verified()).isFalse();
    assertThat(records.statuses).containsEntry(result.backupId(), "CORRUPT");
    assertThat(records.failureReasons)
        .containsEntry(result.backupId(), "wp-content/index.php differs from the archive");
    Step verify = backup.progress().steps().get(1);
    assertThat(verify.state()).isEqualTo(StepState.FAILED);
    assertThat(verify.error()).isEqualTo("wp-content/index.php differs from the archive");
  }

  @Test
  void aBackupTheHostCannotMake_isRecordedFailed_andTheWorkflowFailsWithTheReason() {
    host.createRefusal = "The site's volume is gone.";

    BackupWorkflow backup = start(BackupWorkflow.manualWorkflowId(SITE, "r2"));
    assertThatThrownBy(() -> backup.run(new BackupRequest(SITE, BackupKind.MANUAL)))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getOriginalMessage()).isEqualTo("The site's volume is gone.");
              assertThat(f.getType()).isEqualTo(BackupWorkflowImpl.BACKUP_FAILED);
            });

    long id = records.idsByWorkflow.get(workflowId);
    assertThat(records.statuses).containsEntry(id, "FAILED");
    assertThat(records.failureReasons).containsEntry(id, "The site's volume is gone.");
    assertThat(host.calls).doesNotContain("verifyBackup " + id);
    assertThat(states(WorkflowStub.fromTyped(backup).query("progress", Progress.class)))
        .containsExactlyEntriesOf(ordered(StepState.FAILED, StepState.PENDING, StepState.PENDING));
  }

  @Test
  void anArchiveStepRetriedAfterATransientFault_makesOneBackup() {
    host.transientCreateFailures = 1;

    BackupWorkflow backup = start(BackupWorkflow.manualWorkflowId(SITE, "r3"));
    BackupResult result = backup.run(new BackupRequest(SITE, BackupKind.MANUAL));

    assertThat(host.createAttempts).hasValue(2);
    assertThat(records.idsByWorkflow).containsOnlyKeys(workflowId);
    assertThat(host.stored).containsOnlyKeys("site-12/backup-" + result.backupId());
    assertThat(records.statuses).containsEntry(result.backupId(), "VERIFIED");
  }

  private BackupWorkflow start(String id) {
    workflowId = id;
    return client.newWorkflowStub(
        BackupWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(TaskQueues.CONTROL).build());
  }

  static Map<String, StepState> states(Progress progress) {
    Map<String, StepState> states = new LinkedHashMap<>();
    progress.steps().forEach(s -> states.put(s.name(), s.state()));
    return states;
  }

  private static Map<String, StepState> ordered(StepState... states) {
    Map<String, StepState> expected = new LinkedHashMap<>();
    for (int i = 0; i < states.length; i++) {
      expected.put(BackupWorkflow.STEPS.get(i), states[i]);
    }
    return expected;
  }
}
