package io.berth.panel.mail;

import io.berth.panel.common.BoundedCall;
import io.berth.panel.common.TemporalCalls;
import io.berth.workflows.common.BerthSearchAttributes;
import io.berth.workflows.common.TaskQueues;
import io.berth.workflows.mail.MailDnsRecord;
import io.berth.workflows.mail.MailDomainRequest;
import io.berth.workflows.mail.MailDomainWorkflow;
import io.berth.workflows.mail.MailboxRequest;
import io.berth.workflows.mail.MailboxWorkflow;
import io.berth.workflows.progress.Progress;
import io.berth.workflows.progress.ProgressReader;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Starts, signals and reads {@code maildomain-<id>} and {@code mailbox-<id>}. The DNS records are a
 * query, which needs a worker: it is waited for at most {@code berth.panel.mail-query-timeout}, so
 * a page never hangs on a worker that is down.
 */
@Component
class TemporalMailWorkflows implements MailWorkflows {

  static final String NOT_ANSWERING =
      "The mail domain's workflow did not answer in time; its worker may be busy or down.";

  private final WorkflowClient client;
  private final Executor executor;
  private final Duration queryTimeout;

  TemporalMailWorkflows(
      WorkflowClient client,
      @Qualifier("applicationTaskExecutor") Executor executor,
      @Value("${berth.panel.mail-query-timeout:3s}") Duration queryTimeout) {
    this.client = client;
    this.executor = executor;
    this.queryTimeout = queryTimeout;
  }

  @Override
  public void startDomain(MailDomainRequest request, String domain) {
    MailDomainWorkflow workflow =
        client.newWorkflowStub(
            MailDomainWorkflow.class,
            options(
                MailDomainWorkflow.workflowId(request.mailDomainId()),
                request.customerId(),
                domain));
    TemporalCalls.run(() -> WorkflowClient.start(workflow::run, request));
  }

  @Override
  public boolean turnOff(long mailDomainId) {
    return signal(() -> domainWorkflow(mailDomainId).turnOff());
  }

  @Override
  public Progress domainProgress(long mailDomainId) {
    return TemporalCalls.call(() -> new ProgressReader(client).mailDomain(mailDomainId));
  }

  @Override
  public Optional<List<MailDnsRecord>> dnsRecords(long mailDomainId) {
    MailDomainWorkflow workflow = domainWorkflow(mailDomainId);
    return BoundedCall.within(
        executor,
        queryTimeout,
        NOT_ANSWERING,
        () -> {
          try {
            return Optional.of(List.copyOf(workflow.dnsRecords()));
          } catch (WorkflowNotFoundException gone) {
            return Optional.empty();
          }
        },
        TemporalMailWorkflows::translate);
  }

  @Override
  public void startMailbox(MailboxRequest request, String domain) {
    MailboxWorkflow workflow =
        client.newWorkflowStub(
            MailboxWorkflow.class,
            options(MailboxWorkflow.workflowId(request.mailboxId()), request.customerId(), domain));
    TemporalCalls.run(() -> WorkflowClient.start(workflow::run, request));
  }

  @Override
  public boolean deleteMailbox(long mailboxId) {
    return signal(
        () ->
            client
                .newWorkflowStub(MailboxWorkflow.class, MailboxWorkflow.workflowId(mailboxId))
                .delete());
  }

  private MailDomainWorkflow domainWorkflow(long mailDomainId) {
    return client.newWorkflowStub(
        MailDomainWorkflow.class, MailDomainWorkflow.workflowId(mailDomainId));
  }

  /** On {@code berth-control}, findable by support through the customer and the domain. */
  private static WorkflowOptions options(String workflowId, long customerId, String domain) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(workflowId)
        .setTaskQueue(TaskQueues.CONTROL)
        .setTypedSearchAttributes(
            SearchAttributes.newBuilder()
                .set(BerthSearchAttributes.CUSTOMER_ID, Long.toString(customerId))
                .set(BerthSearchAttributes.DOMAIN, domain)
                .build())
        .build();
  }

  private static boolean signal(Runnable signal) {
    try {
      TemporalCalls.run(signal);
      return true;
    } catch (WorkflowNotFoundException gone) {
      return false;
    }
  }

  private static RuntimeException translate(Throwable failure) {
    return failure instanceof RuntimeException runtime
        ? runtime
        : new IllegalStateException(failure);
  }
}
