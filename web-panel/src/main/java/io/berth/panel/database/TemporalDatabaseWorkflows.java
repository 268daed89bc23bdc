package io.berth.panel.database;

import io.berth.panel.common.BoundedCall;
import io.berth.panel.common.ConflictException;
import io.berth.panel.common.TemporalCalls;
import io.berth.workflows.common.BerthSearchAttributes;
import io.berth.workflows.common.FailureReasons;
import io.berth.workflows.common.TaskQueues;
import io.berth.workflows.database.DatabaseRequest;
import io.berth.workflows.database.DatabaseWorkflow;
import io.berth.workflows.site.SiteWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.common.SearchAttributes;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Starts, updates and signals {@code database-<id>}, and signals {@code site-<id>}. */
@Component
class TemporalDatabaseWorkflows implements DatabaseWorkflows {

  static final String NOT_ANSWERING =
      "The database's workflow did not confirm the new password in time; its worker may be busy"
          + " or down. Try again in a moment.";
  static final String NOT_RUNNING =
      "The database's workflow is not running, so it cannot take changes; contact support.";

  private final WorkflowClient client;
  private final Executor executor;
  private final Duration changeTimeout;

  TemporalDatabaseWorkflows(
      WorkflowClient client,
      @Qualifier("applicationTaskExecutor") Executor executor,
      @Value("${berth.panel.database-change-timeout:30s}") Duration changeTimeout) {
    this.client = client;
    this.executor = executor;
    this.changeTimeout = changeTimeout;
  }

  @Override
  public void start(DatabaseRequest request) {
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(DatabaseWorkflow.workflowId(request.databaseId()))
            .setTaskQueue(TaskQueues.CONTROL)
            .setTypedSearchAttributes(
                SearchAttributes.newBuilder()
                    .set(BerthSearchAttributes.CUSTOMER_ID, Long.toString(request.customerId()))
                    .build())
            .build();
    DatabaseWorkflow workflow = client.newWorkflowStub(DatabaseWorkflow.class, options);
    TemporalCalls.run(() -> WorkflowClient.start(workflow::run, request));
  }

  /**
   * Runs the update and waits for it, at most {@code changeTimeout}; the waiting call is
   * interrupted after that, so no thread stays parked on a workflow that has no worker.
   */
  @Override
  public void resetPassword(long databaseId, String requestId) {
    DatabaseWorkflow workflow =
        client.newWorkflowStub(DatabaseWorkflow.class, DatabaseWorkflow.workflowId(databaseId));
    BoundedCall.within(
        executor,
        changeTimeout,
        NOT_ANSWERING,
        () -> {
          workflow.resetPassword(requestId);
          return null;
        },
        TemporalDatabaseWorkflows::translate);
  }

  @Override
  public boolean delete(long databaseId) {
    return signal(
        () ->
            client
                .newWorkflowStub(DatabaseWorkflow.class, DatabaseWorkflow.workflowId(databaseId))
                .delete());
  }

  @Override
  public boolean siteEnvironmentChanged(long siteId) {
    return signal(
        () ->
            client
                .newWorkflowStub(SiteWorkflow.class, SiteWorkflow.workflowId(siteId))
                .environmentChanged());
  }

  private static boolean signal(Runnable signal) {
    try {
      TemporalCalls.run(signal);
      return true;
    } catch (WorkflowNotFoundException gone) {
      return false;
    }
  }

  /** A refused update is a conflict with the workflow's reason (still being created, deleting). */
  private static RuntimeException translate(Throwable failure) {
    if (failure instanceof WorkflowUpdateException refused) {
      return new ConflictException(FailureReasons.of(refused.getCause()));
    }
    if (failure instanceof WorkflowNotFoundException) {
      return new ConflictException(NOT_RUNNING);
    }
    return failure instanceof RuntimeException runtime
        ? runtime
        : new IllegalStateException(failure);
  }
}
