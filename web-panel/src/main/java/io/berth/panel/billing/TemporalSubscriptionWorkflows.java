package io.berth.panel.billing;

import io.berth.panel.common.BoundedCall;
import io.berth.panel.common.ConflictException;
import io.berth.panel.common.InvalidInputException;
import io.berth.panel.common.NotFoundException;
import io.berth.panel.common.TemporalCalls;
import io.berth.workflows.billing.BillingEvent;
import io.berth.workflows.billing.SubscriptionRequest;
import io.berth.workflows.billing.SubscriptionState;
import io.berth.workflows.billing.SubscriptionWorkflow;
import io.berth.workflows.common.BerthSearchAttributes;
import io.berth.workflows.common.FailureReasons;
import io.berth.workflows.common.FailureType;
import io.berth.workflows.common.TaskQueues;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.common.SearchAttributes;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Starts, signals and updates {@code subscription-<id>} workflows through the Temporal client. */
@Component
class TemporalSubscriptionWorkflows implements SubscriptionWorkflows {

  static final String NOT_ANSWERING =
      "The subscription's workflow did not confirm the change in time; its worker may be busy or"
          + " down. Nothing is lost: look at Billing again in a moment.";
  static final String NOT_RUNNING =
      "The subscription's workflow is not running, so it cannot take changes; contact support.";

  private final WorkflowClient client;
  private final Executor executor;
  private final Duration changeTimeout;

  TemporalSubscriptionWorkflows(
      WorkflowClient client,
      @Qualifier("applicationTaskExecutor") Executor executor,
      @Value("${berth.panel.billing-change-timeout:30s}") Duration changeTimeout) {
    this.client = client;
    this.executor = executor;
    this.changeTimeout = changeTimeout;
  }

  @Override
  public void start(SubscriptionRequest request) {
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(SubscriptionWorkflow.workflowId(request.subscriptionId()))
            .setTaskQueue(TaskQueues.CONTROL)
            .setTypedSearchAttributes(
                SearchAttributes.newBuilder()
                    .set(BerthSearchAttributes.CUSTOMER_ID, Long.toString(request.customerId()))
                    .set(BerthSearchAttributes.ORDER_ID, Long.toString(request.orderId()))
                    .build())
            .build();
    SubscriptionWorkflow workflow = client.newWorkflowStub(SubscriptionWorkflow.class, options);
    TemporalCalls.run(() -> WorkflowClient.start(workflow::run, request));
  }

  @Override
  public void abandon(long subscriptionId, String reason) {
    try {
      TemporalCalls.run(
          () ->
              client
                  .newUntypedWorkflowStub(SubscriptionWorkflow.workflowId(subscriptionId))
                  .terminate(reason));
    } catch (WorkflowNotFoundException gone) {
      // Never started, or already ended: nothing to end.
    }
  }

  @Override
  public boolean billingEvent(long subscriptionId, BillingEvent event) {
    try {
      TemporalCalls.run(() -> workflow(subscriptionId).billingEvent(event));
      return true;
    } catch (WorkflowNotFoundException gone) {
      return false;
    }
  }

  @Override
  public SubscriptionState changePlan(long subscriptionId, long planId) {
    return update(() -> workflow(subscriptionId).changePlan(planId), "planId");
  }

  @Override
  public SubscriptionState cancelAtPeriodEnd(long subscriptionId, boolean cancel) {
    return update(() -> workflow(subscriptionId).cancelAtPeriodEnd(cancel), "cancelAtPeriodEnd");
  }

  @Override
  public String billingPortalUrl(long subscriptionId, String returnUrl) {
    return update(() -> workflow(subscriptionId).billingPortalUrl(returnUrl), "returnUrl");
  }

  private SubscriptionWorkflow workflow(long subscriptionId) {
    return client.newWorkflowStub(
        SubscriptionWorkflow.class, SubscriptionWorkflow.workflowId(subscriptionId));
  }

  /**
   * Runs an update and waits for its result, at most {@code changeTimeout}; the waiting call is
   * interrupted after that, so no thread stays parked on a workflow that has no worker.
   */
  private <R> R update(Supplier<R> call, String field) {
    return BoundedCall.within(
        executor, changeTimeout, NOT_ANSWERING, call, failure -> translate(failure, field));
  }

  /**
   * The customer's view of a failed update: the validator's or activity's words, as a bad request
   * (INVALID_INPUT, about {@code field}), a missing object (NOT_FOUND) or, for any other refusal, a
   * conflict.
   */
  static RuntimeException translate(Throwable failure, String field) {
    if (failure instanceof WorkflowUpdateException refused) {
      String reason = FailureReasons.of(refused.getCause());
      String type = failureType(refused);
      if (FailureType.INVALID_INPUT.type().equals(type)) {
        return InvalidInputException.of(field, reason);
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

  /** The type of the deepest application failure: where the refusal was said. */
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
