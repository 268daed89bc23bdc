package io.berth.panel.order;

import io.berth.panel.common.TemporalCalls;
import io.berth.workflows.common.BerthSearchAttributes;
import io.berth.workflows.common.TaskQueues;
import io.berth.workflows.order.OrderRequest;
import io.berth.workflows.order.OrderWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import org.springframework.stereotype.Component;

/** Starts, cancels and signals order workflows through the Temporal client. */
@Component
class TemporalOrderWorkflows implements OrderWorkflows {

  private final WorkflowClient client;

  TemporalOrderWorkflows(WorkflowClient client) {
    this.client = client;
  }

  @Override
  public void start(OrderRequest request) {
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(OrderWorkflow.workflowId(request.orderId()))
            .setTaskQueue(TaskQueues.CONTROL)
            .setTypedSearchAttributes(
                SearchAttributes.newBuilder()
                    .set(BerthSearchAttributes.CUSTOMER_ID, Long.toString(request.customerId()))
                    .set(BerthSearchAttributes.ORDER_ID, Long.toString(request.orderId()))
                    .set(BerthSearchAttributes.SITE_ID, Long.toString(request.siteId()))
                    .build())
            .build();
    OrderWorkflow workflow = client.newWorkflowStub(OrderWorkflow.class, options);
    TemporalCalls.run(() -> WorkflowClient.start(workflow::run, request));
  }

  @Override
  public boolean cancel(long orderId) {
    try {
      TemporalCalls.run(
          () -> client.newUntypedWorkflowStub(OrderWorkflow.workflowId(orderId)).cancel());
      return true;
    } catch (WorkflowNotFoundException gone) {
      return false;
    }
  }

  @Override
  public boolean paymentReceived(long orderId, String reference) {
    try {
      OrderWorkflow workflow =
          client.newWorkflowStub(OrderWorkflow.class, OrderWorkflow.workflowId(orderId));
      TemporalCalls.run(() -> workflow.paymentReceived(reference));
      return true;
    } catch (WorkflowNotFoundException gone) {
      return false;
    }
  }
}
