package io.berth.panel.certificate;

import io.berth.panel.common.BoundedCall;
import io.berth.panel.common.TemporalCalls;
import io.berth.workflows.certificate.CertificateState;
import io.berth.workflows.certificate.CertificateSubject;
import io.berth.workflows.certificate.CertificateWorkflow;
import io.berth.workflows.progress.Progress;
import io.berth.workflows.progress.ProgressReader;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads and signals certificate workflows through the Temporal client. The state is a query, which
 * needs a worker: it is asked only of a running workflow and waited for at most {@code
 * berth.panel.certificate-query-timeout}, so a page never hangs on a worker that is down.
 */
@Component
class TemporalCertificateWorkflows implements CertificateWorkflows {

  static final String NOT_ANSWERING =
      "The certificate's workflow did not answer in time; its worker may be busy or down.";

  private final WorkflowClient client;
  private final Executor executor;
  private final Duration queryTimeout;

  TemporalCertificateWorkflows(
      WorkflowClient client,
      @Qualifier("applicationTaskExecutor") Executor executor,
      @Value("${berth.panel.certificate-query-timeout:3s}") Duration queryTimeout) {
    this.client = client;
    this.executor = executor;
    this.queryTimeout = queryTimeout;
  }

  @Override
  public Progress progress(CertificateSubject subject) {
    return TemporalCalls.call(() -> new ProgressReader(client).certificate(subject));
  }

  @Override
  public Optional<CertificateState> state(CertificateSubject subject) {
    WorkflowStub stub = client.newUntypedWorkflowStub(CertificateWorkflow.workflowId(subject));
    if (!running(stub)) {
      return Optional.empty();
    }
    return BoundedCall.within(
        executor,
        queryTimeout,
        NOT_ANSWERING,
        () -> Optional.ofNullable(stub.query("state", CertificateState.class)),
        TemporalCertificateWorkflows::translate);
  }

  @Override
  public boolean retryNow(CertificateSubject subject) {
    CertificateWorkflow workflow =
        client.newWorkflowStub(CertificateWorkflow.class, CertificateWorkflow.workflowId(subject));
    try {
      TemporalCalls.run(workflow::retryNow);
      return true;
    } catch (WorkflowNotFoundException gone) {
      return false;
    }
  }

  private static boolean running(WorkflowStub stub) {
    try {
      return TemporalCalls.call(stub::describe).getStatus()
          == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
    } catch (WorkflowNotFoundException missing) {
      return false;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  private static RuntimeException translate(Throwable failure) {
    return failure instanceof RuntimeException runtime
        ? runtime
        : new IllegalStateException(failure);
  }
}
