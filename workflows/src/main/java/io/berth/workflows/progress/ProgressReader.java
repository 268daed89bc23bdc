package io.berth.workflows.progress;

import io.berth.workflows.backup.BackupWorkflow;
import io.berth.workflows.backup.RestoreWorkflow;
import io.berth.workflows.certificate.CertificateSubject;
import io.berth.workflows.certificate.CertificateWorkflow;
import io.berth.workflows.domain.DomainWorkflow;
import io.berth.workflows.mail.MailDomainWorkflow;
import io.berth.workflows.mail.MailboxWorkflow;
import io.berth.workflows.order.OrderWorkflow;
import io.berth.workflows.site.SiteWorkflow;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.client.WorkflowClient;
import java.util.ArrayList;
import java.util.List;

/**
 * Client-side view of a journey's progress, for the panel and the API. One describe call per
 * workflow gives both the steps (from the memo the workflow keeps current, so it works with no
 * worker running and after the workflow closed) and the attempt and last failure of an activity
 * Temporal is retrying, which the workflow itself cannot see.
 */
public final class ProgressReader {

  private final WorkflowClient client;

  public ProgressReader(WorkflowClient client) {
    this.client = client;
  }

  /**
   * The order's steps with its site's provisioning steps between placement and done. Steps of a
   * workflow that does not exist (yet) are pending; once the order has closed they are shown as
   * skipped or cancelled instead. Throws only when Temporal cannot be reached.
   */
  public Progress order(long orderId, long siteId) {
    Snapshot order = describe(OrderWorkflow.workflowId(orderId), OrderWorkflow.STEPS);
    Snapshot site = describe(SiteWorkflow.workflowId(siteId), SiteWorkflow.STEPS);
    if (!site.exists() && order.closed()) {
      site = site.settle(order.cancelled() ? StepState.CANCELLED : StepState.SKIPPED);
    }
    List<Step> merged = new ArrayList<>();
    Step done = null;
    for (Step step : order.steps()) {
      if (step.name().equals(OrderWorkflow.STEP_DONE)) {
        done = step;
      } else {
        merged.add(step);
      }
    }
    merged.addAll(site.steps());
    if (done != null) {
      merged.add(done);
    }
    return new Progress(merged);
  }

  /** The site's provisioning steps. Throws only when Temporal cannot be reached. */
  public Progress site(long siteId) {
    return new Progress(describe(SiteWorkflow.workflowId(siteId), SiteWorkflow.STEPS).steps());
  }

  /** The domain's set-up steps and its DNS wait. Throws only when Temporal cannot be reached. */
  public Progress domain(long domainId) {
    return new Progress(
        describe(DomainWorkflow.workflowId(domainId), DomainWorkflow.STEPS).steps());
  }

  /**
   * The steps of the certificate's current cycle (order, validate, issue, install), with retries.
   * Throws only when Temporal cannot be reached.
   */
  public Progress certificate(CertificateSubject subject) {
    return new Progress(
        describe(CertificateWorkflow.workflowId(subject), CertificateWorkflow.STEPS).steps());
  }

  /** Email set-up steps of a domain. Throws only when Temporal cannot be reached. */
  public Progress mailDomain(long mailDomainId) {
    return new Progress(
        describe(MailDomainWorkflow.workflowId(mailDomainId), MailDomainWorkflow.STEPS).steps());
  }

  /** A mailbox's steps (created; after deletion, retention and purge). */
  public Progress mailbox(long mailboxId) {
    return new Progress(
        describe(MailboxWorkflow.workflowId(mailboxId), MailboxWorkflow.STEPS).steps());
  }

  /** A backup's steps (archive, verify, retention), by its workflow id. */
  public Progress backup(String workflowId) {
    return new Progress(describe(workflowId, BackupWorkflow.STEPS).steps());
  }

  /** A restore's steps, from the pre-restore backup to the clean-up. */
  public Progress restore(long restoreId) {
    return new Progress(
        describe(RestoreWorkflow.workflowId(restoreId), RestoreWorkflow.STEPS).steps());
  }

  private Snapshot describe(String workflowId, List<String> defaultSteps) {
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
        return Snapshot.missing(defaultSteps);
      }
      throw e;
    }
    Payload memo =
        response.getWorkflowExecutionInfo().getMemo().getFieldsMap().get(Progress.MEMO_KEY);
    List<Step> steps =
        memo == null
            ? defaultSteps.stream().map(Step::pending).toList()
            : client
                .getOptions()
                .getDataConverter()
                .fromPayload(memo, Progress.class, Progress.class)
                .steps();
    WorkflowExecutionStatus status = response.getWorkflowExecutionInfo().getStatus();
    return new Snapshot(true, status, withRetries(steps, response.getPendingActivitiesList()));
  }

  /** Marks the running step as retrying when its activity has failed before. */
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

  private record Snapshot(boolean exists, WorkflowExecutionStatus status, List<Step> steps) {

    static Snapshot missing(List<String> names) {
      return new Snapshot(
          false,
          WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_UNSPECIFIED,
          names.stream().map(Step::pending).toList());
    }

    boolean closed() {
      return exists
          && status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING
          && status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_UNSPECIFIED;
    }

    boolean cancelled() {
      return status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CANCELED;
    }

    Snapshot settle(StepState state) {
      return new Snapshot(
          exists,
          status,
          steps.stream()
              .map(s -> s.state() == StepState.PENDING ? s.withState(state, 0) : s)
              .toList());
    }
  }
}
