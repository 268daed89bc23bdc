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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Starts, signals and reads {@code maildomain-<id>} and {@code mailbox-<id>}. The DNS records are a
 * query, which needs a worker: it is waited for at most {@code berth.panel.mail-query-timeout}, so
 * a page never hangs on a worker that is down. An answer is kept for {@link #RECORDS_KEPT}: the
 * live page re-reads its snapshot twice a second, and the records of an active mail domain change
 * only when its workflow re-publishes them, so the worker is asked about once a minute per page.
 */
@Component
class TemporalMailWorkflows implements MailWorkflows {

  static final String NOT_ANSWERING =
      "The mail domain's workflow did not answer in time; its worker may be busy or down.";

  /** How long one answer of the DNS-records query is served before the workflow is asked again. */
  static final Duration RECORDS_KEPT = Duration.ofMinutes(1);

  private final WorkflowClient client;
  private final Executor executor;
  private final Duration queryTimeout;
  private final Map<Long, RecordsAnswer> answers = new ConcurrentHashMap<>();

  private record RecordsAnswer(List<MailDnsRecord> records, long atNanos) {

    boolean fresh(long nowNanos) {
      return nowNanos - atNanos < RECORDS_KEPT.toNanos();
    }
  }

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
    answers.remove(mailDomainId);
    return signal(() -> domainWorkflow(mailDomainId).turnOff());
  }

  @Override
  public Progress domainProgress(long mailDomainId) {
    return TemporalCalls.call(() -> new ProgressReader(client).mailDomain(mailDomainId));
  }

  @Override
  public Optional<List<MailDnsRecord>> dnsRecords(long mailDomainId) {
    long now = System.nanoTime();
    RecordsAnswer kept = answers.get(mailDomainId);
    if (kept != null && kept.fresh(now)) {
      return Optional.of(kept.records());
    }
    Optional<List<MailDnsRecord>> answer = queryDnsRecords(mailDomainId);
    answers.values().removeIf(a -> !a.fresh(now));
    answer.ifPresent(records -> answers.put(mailDomainId, new RecordsAnswer(records, now)));
    return answer;
  }

  private Optional<List<MailDnsRecord>> queryDnsRecords(long mailDomainId) {
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
