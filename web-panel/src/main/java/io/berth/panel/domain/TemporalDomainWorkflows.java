package io.berth.panel.domain;

import io.berth.panel.common.BoundedCall;
import io.berth.panel.common.ConflictException;
import io.berth.panel.common.InvalidInputException;
import io.berth.panel.common.NotFoundException;
import io.berth.panel.common.TemporalCalls;
import io.berth.workflows.common.BerthSearchAttributes;
import io.berth.workflows.common.FailureReasons;
import io.berth.workflows.common.FailureType;
import io.berth.workflows.common.TaskQueues;
import io.berth.workflows.domain.DnsRecordSet;
import io.berth.workflows.domain.DomainRequest;
import io.berth.workflows.domain.DomainWorkflow;
import io.berth.workflows.domain.RecordSetChange;
import io.berth.workflows.domain.SiteEndpoint;
import io.berth.workflows.progress.Progress;
import io.berth.workflows.progress.ProgressReader;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.common.SearchAttributes;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Starts, updates, signals and reads {@code domain-<id>} workflows through the Temporal client. */
@Component
class TemporalDomainWorkflows implements DomainWorkflows {

  static final String NOT_ANSWERING =
      "The domain's workflow did not confirm the change in time; its worker may be busy or down."
          + " Nothing is lost: look at the domain again in a moment.";
  static final String NOT_RUNNING =
      "The domain's workflow is not running, so it cannot take changes; contact support.";

  private final WorkflowClient client;
  private final Executor executor;
  private final Duration changeTimeout;

  TemporalDomainWorkflows(
      WorkflowClient client,
      @Qualifier("applicationTaskExecutor") Executor executor,
      @Value("${berth.panel.domain-change-timeout:20s}") Duration changeTimeout) {
    this.client = client;
    this.executor = executor;
    this.changeTimeout = changeTimeout;
  }

  @Override
  public void start(DomainRequest request) {
    SearchAttributes.Builder attributes =
        SearchAttributes.newBuilder()
            .set(BerthSearchAttributes.CUSTOMER_ID, Long.toString(request.customerId()));
    if (request.siteId() != null) {
      attributes.set(BerthSearchAttributes.SITE_ID, Long.toString(request.siteId()));
    }
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(DomainWorkflow.workflowId(request.domainId()))
            .setTaskQueue(TaskQueues.CONTROL)
            .setTypedSearchAttributes(attributes.build())
            .build();
    DomainWorkflow workflow = client.newWorkflowStub(DomainWorkflow.class, options);
    TemporalCalls.run(() -> WorkflowClient.start(workflow::run, request));
  }

  @Override
  public DnsRecordSet changeRecordSet(long domainId, RecordSetChange change) {
    return update(() -> workflow(domainId).changeRecordSet(change), RecordProblemField::of);
  }

  @Override
  public SiteEndpoint attachSite(long domainId, long siteId) {
    return update(() -> workflow(domainId).attachSite(siteId), any -> DomainService.SITE_FIELD);
  }

  @Override
  public void detachSite(long domainId) {
    update(
        () -> {
          workflow(domainId).detachSite();
          return null;
        },
        any -> DomainService.SITE_FIELD);
  }

  @Override
  public boolean checkDnsNow(long domainId) {
    return signal(() -> workflow(domainId).checkDnsNow());
  }

  @Override
  public boolean remove(long domainId) {
    return signal(() -> workflow(domainId).remove());
  }

  @Override
  public Progress progress(long domainId) {
    return TemporalCalls.call(() -> new ProgressReader(client).domain(domainId));
  }

  private DomainWorkflow workflow(long domainId) {
    return client.newWorkflowStub(DomainWorkflow.class, DomainWorkflow.workflowId(domainId));
  }

  private static boolean signal(Runnable signal) {
    try {
      TemporalCalls.run(signal);
      return true;
    } catch (WorkflowNotFoundException gone) {
      return false;
    }
  }

  /**
   * Runs an update and waits for its result, at most {@code changeTimeout}; the waiting call is
   * interrupted after that, so no thread stays parked on a workflow that has no worker.
   */
  private <R> R update(Supplier<R> call, UnaryOperator<String> fieldOf) {
    return BoundedCall.within(
        executor, changeTimeout, NOT_ANSWERING, call, failure -> translate(failure, fieldOf));
  }

  /**
   * The customer's view of a failed update: INVALID_INPUT and NOT_FOUND from the activity keep
   * their meaning and message; any other refusal is a conflict with the workflow's reason.
   */
  static RuntimeException translate(Throwable failure, UnaryOperator<String> fieldOf) {
    if (failure instanceof WorkflowUpdateException refused) {
      String reason = FailureReasons.of(refused.getCause());
      String type = failureType(refused);
      if (FailureType.INVALID_INPUT.type().equals(type)) {
        return InvalidInputException.of(fieldOf.apply(reason), reason);
      }
      if (FailureType.NOT_FOUND.type().equals(type)) {
        return new NotFoundException(reason);
      }
      return new ConflictException(reason);
    }
    if (failure instanceof WorkflowNotFoundException) {
      return new ConflictException(NOT_RUNNING);
    }
    return failure instanceof RuntimeException runtime
        ? runtime
        : new IllegalStateException(failure);
  }

  /** The type of the deepest application failure: where the activity said what was wrong. */
  private static String failureType(Throwable failure) {
    String type = null;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure app) {
        type = app.getType();
      }
    }
    return type;
  }
}
