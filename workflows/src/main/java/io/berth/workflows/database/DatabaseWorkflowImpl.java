package io.berth.workflows.database;

import io.berth.workflows.common.ActivityStubs;
import io.berth.workflows.common.FailureReasons;
import io.berth.workflows.progress.Progress;
import io.berth.workflows.progress.StepTracker;
import io.berth.workflows.site.SiteWorkflow;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowLock;
import org.slf4j.Logger;

public class DatabaseWorkflowImpl implements DatabaseWorkflow {

  private static final Logger log = Workflow.getLogger(DatabaseWorkflowImpl.class);

  private final DatabaseRecordActivities records =
      Workflow.newActivityStub(DatabaseRecordActivities.class, ActivityStubs.control());
  private final WorkflowLock changes = Workflow.newWorkflowLock();

  private DatabaseActivities databases;
  private long databaseId;
  private StepTracker steps = new StepTracker(STEPS);
  private boolean ready;
  private boolean deleteRequested;

  @Override
  public void run(DatabaseRequest request) {
    databaseId = request.databaseId();
    databases =
        Workflow.newActivityStub(DatabaseActivities.class, ActivityStubs.host(request.hostId()));
    if (request.ready()) {
      steps.done(STEP_DATABASE);
    } else {
      steps.start(STEP_DATABASE);
      try {
        databases.ensureDatabase(databaseId);
      } catch (ActivityFailure e) {
        String reason = FailureReasons.of(e);
        steps.fail(STEP_DATABASE, reason);
        records.recordDatabaseStatus(databaseId, DatabaseStatus.FAILED, reason);
        throw ApplicationFailure.newNonRetryableFailureWithCause(reason, "DATABASE_FAILED", e);
      }
      steps.done(STEP_DATABASE);
    }
    ready = true;
    Workflow.await(
        () ->
            deleteRequested
                || Workflow.getInfo().isContinueAsNewSuggested()
                    && Workflow.isEveryHandlerFinished());
    if (!deleteRequested) {
      Workflow.continueAsNew(
          new DatabaseRequest(databaseId, request.customerId(), request.hostId(), true));
    }
    changes.lock();
    records.recordDatabaseStatus(databaseId, DatabaseStatus.DELETING, null);
    Long site = records.linkedSite(databaseId);
    databases.dropDatabase(databaseId);
    tellSite(site);
  }

  @Override
  public void resetPassword(String requestId) {
    changes.lock();
    try {
      databases.resetPassword(databaseId, requestId);
      tellSite(records.linkedSite(databaseId));
    } finally {
      changes.unlock();
    }
  }

  @Override
  public void validateResetPassword(String requestId) {
    if (requestId == null || requestId.isBlank()) {
      throw new IllegalArgumentException("A reset needs a request id.");
    }
    if (deleteRequested) {
      throw new IllegalStateException("The database is being deleted.");
    }
    if (!ready) {
      throw new IllegalStateException(
          "The database is still being created; try again in a moment.");
    }
  }

  /** The linked site's container carries the credentials: it is re-created with the new ones. */
  private static void tellSite(Long siteId) {
    if (siteId == null) {
      return;
    }
    String workflowId = SiteWorkflow.workflowId(siteId);
    try {
      Workflow.newExternalWorkflowStub(SiteWorkflow.class, workflowId).environmentChanged();
    } catch (RuntimeException e) {
      log.warn("Site {} did not take the new credentials", workflowId, e);
    }
  }

  @Override
  public void delete() {
    deleteRequested = true;
  }

  @Override
  public Progress progress() {
    return steps.snapshot();
  }
}
