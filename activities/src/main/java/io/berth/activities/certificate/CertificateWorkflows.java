package io.berth.activities.certificate;

import io.berth.workflows.certificate.CertificateRequest;
import io.berth.workflows.certificate.CertificateSubject;
import io.berth.workflows.certificate.CertificateWorkflow;
import io.berth.workflows.common.BerthSearchAttributes;
import io.berth.workflows.common.TaskQueues;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Starts certificate workflows from the worker side: {@code cert-<siteId>} when a site's names may
 * have changed (signal-with-start of {@code namesChanged}, so a running workflow re-reads its names
 * and a missing one is started), and {@code cert-platform} once. Both are safe to repeat.
 */
@Component
public class CertificateWorkflows {

  private final WorkflowClient client;
  private final JdbcClient jdbc;

  public CertificateWorkflows(WorkflowClient client, JdbcClient jdbc) {
    this.client = client;
    this.jdbc = jdbc;
  }

  /** Nudges (or starts) the site's certificate workflow, with the site's search attributes. */
  public void siteNamesChanged(long siteId) {
    CertificateSubject subject = CertificateSubject.site(siteId);
    SearchAttributes.Builder attributes =
        SearchAttributes.newBuilder().set(BerthSearchAttributes.SITE_ID, Long.toString(siteId));
    customerOf(siteId)
        .ifPresent(c -> attributes.set(BerthSearchAttributes.CUSTOMER_ID, Long.toString(c)));
    CertificateWorkflow workflow =
        client.newWorkflowStub(
            CertificateWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(CertificateWorkflow.workflowId(subject))
                .setTaskQueue(TaskQueues.CONTROL)
                .setTypedSearchAttributes(attributes.build())
                .build());
    BatchRequest request = client.newSignalWithStartRequest();
    request.add(workflow::run, CertificateRequest.first(subject));
    request.add(workflow::namesChanged);
    client.signalWithStart(request);
  }

  /** Starts {@code cert-platform} unless it runs; true when this call started it. */
  public boolean startPlatform() {
    CertificateWorkflow workflow =
        client.newWorkflowStub(
            CertificateWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(CertificateWorkflow.PLATFORM_ID)
                .setTaskQueue(TaskQueues.CONTROL)
                .build());
    try {
      WorkflowClient.start(workflow::run, CertificateRequest.first(CertificateSubject.PLATFORM));
      return true;
    } catch (WorkflowExecutionAlreadyStarted running) {
      return false;
    }
  }

  private Optional<Long> customerOf(long siteId) {
    return jdbc.sql("SELECT customer_id FROM site WHERE id = :id")
        .param("id", siteId)
        .query(Long.class)
        .optional();
  }
}
