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
import io.berth.workflows.progress.Step;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Starts backup and restore workflows and reads their steps from the memo they keep current (so a
 * page shows them with no worker running and after they closed), marking a step that Temporal
 * retries with its attempt and last error.
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
    return TemporalCalls.call(() -> progress(workflowId, BackupWorkflow.STEPS));
  }

  @Override
  public Progress restoreProgress(long restoreId) {
    return TemporalCalls.call(
        () -> progress(RestoreWorkflow.workflowId(restoreId), RestoreWorkflow.STEPS));
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

  private Progress progress(String workflowId, List<String> defaultSteps) {
    DescribeWorkflowExecutionResponse response;
    try {
      response =
          client
              .getWorkflowServiceStubs()
              .blockingStub()
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace(client.getOptions().getNamespace())
                      .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                      .build());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return pending(defaultSteps);
      }
      throw e;
    }
    Payload memo =
        response.getWorkflowExecutionInfo().getMemo().getFieldsMap().get(Progress.MEMO_KEY);
    if (memo == null) {
      return pending(defaultSteps);
    }
    List<Step> steps =
        client
            .getOptions()
            .getDataConverter()
            .fromPayload(memo, Progress.class, Progress.class)
            .steps();
    return new Progress(withRetries(steps, response.getPendingActivitiesList()));
  }

  private static Progress pending(List<String> names) {
    return new Progress(names.stream().map(Step::pending).toList());
  }

  private static List<Step> withRetries(List<Step> steps, List<PendingActivityInfo> pending) {
    PendingActivityInfo retried =
        pending.stream()
            .filter(p -> p.getAttempt() > 1 && p.hasLastFailure())
            .findFirst()
            .orElse(null);
    if (retried == null) {
      return steps;
    }
    String error = retried.getLastFailure().getMessage();
    return steps.stream()
        .map(s -> s.isActive() ? s.retrying(retried.getAttempt(), error) : s)
        .toList();
  }
}
