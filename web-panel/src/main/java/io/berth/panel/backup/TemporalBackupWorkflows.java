package io.berth.panel.backup;

import io.berth.panel.common.TemporalCalls;
import io.berth.workflows.backup.BackupKind;
import io.berth.workflows.backup.BackupRequest;
import io.berth.workflows.backup.BackupWorkflow;
import io.berth.workflows.backup.RestoreRequest;
import io.berth.workflows.backup.RestoreWorkflow;
import io.berth.workflows.common.BerthSearchAttributes;
import io.berth.workflows.common.TaskQueues;
import io.berth.workflows.progress.Progress;
import io.berth.workflows.progress.ProgressReader;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import org.springframework.stereotype.Component;

/**
 * Starts backup and restore workflows and reads their steps through {@link ProgressReader}, from
 * the memo they keep current (so a page shows them with no worker running and after they closed).
 */
@Component
class TemporalBackupWorkflows implements BackupWorkflows {

  private final WorkflowClient client;

  TemporalBackupWorkflows(WorkflowClient client) {
    this.client = client;
  }

  @Override
  public void startManualBackup(String workflowId, long siteId, long customerId) {
    BackupWorkflow workflow =
        client.newWorkflowStub(BackupWorkflow.class, options(workflowId, siteId, customerId));
    TemporalCalls.run(
        () -> WorkflowClient.start(workflow::run, new BackupRequest(siteId, BackupKind.MANUAL)));
  }

  @Override
  public void startRestore(long restoreId, long targetSiteId, long customerId) {
    RestoreWorkflow workflow =
        client.newWorkflowStub(
            RestoreWorkflow.class,
            options(RestoreWorkflow.workflowId(restoreId), targetSiteId, customerId));
    TemporalCalls.run(() -> WorkflowClient.start(workflow::run, new RestoreRequest(restoreId)));
  }

  @Override
  public Progress backupProgress(String workflowId) {
    return TemporalCalls.call(() -> new ProgressReader(client).backup(workflowId));
  }

  @Override
  public Progress restoreProgress(long restoreId) {
    return TemporalCalls.call(() -> new ProgressReader(client).restore(restoreId));
  }

  private static WorkflowOptions options(String workflowId, long siteId, long customerId) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(workflowId)
        .setTaskQueue(TaskQueues.CONTROL)
        .setTypedSearchAttributes(
            SearchAttributes.newBuilder()
                .set(BerthSearchAttributes.SITE_ID, Long.toString(siteId))
                .set(BerthSearchAttributes.CUSTOMER_ID, Long.toString(customerId))
                .build())
        .build();
  }
}
