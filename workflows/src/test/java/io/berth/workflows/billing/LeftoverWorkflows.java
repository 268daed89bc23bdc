package io.berth.workflows.billing;

import io.berth.workflows.domain.DnsCheck;
import io.berth.workflows.domain.DnsRecordSet;
import io.berth.workflows.domain.DomainRequest;
import io.berth.workflows.domain.DomainWorkflow;
import io.berth.workflows.domain.RecordSetChange;
import io.berth.workflows.domain.SiteEndpoint;
import io.berth.workflows.mail.MailDnsRecord;
import io.berth.workflows.mail.MailDomainRequest;
import io.berth.workflows.mail.MailDomainWorkflow;
import io.berth.workflows.mail.MailboxRequest;
import io.berth.workflows.mail.MailboxWorkflow;
import io.berth.workflows.progress.Progress;
import io.temporal.workflow.Workflow;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stand-ins for a customer's domain, mail-domain and mailbox workflows in subscription tests: each
 * runs until it is told to go, and notes the signal that told it ({@code "domain-31 remove"}).
 */
public final class LeftoverWorkflows {

  /** The removal signals taken, by workflow id and signal name. */
  static final Set<String> REMOVALS = ConcurrentHashMap.newKeySet();

  private LeftoverWorkflows() {}

  private static boolean noted(String signal) {
    REMOVALS.add(Workflow.getInfo().getWorkflowId() + " " + signal);
    return true;
  }

  /** A domain that waits for {@code remove}. */
  public static class Domain implements DomainWorkflow {
    private boolean removed;

    @Override
    public void run(DomainRequest request) {
      Workflow.await(() -> removed);
    }

    @Override
    public void remove() {
      removed = noted("remove");
    }

    @Override
    public DnsRecordSet changeRecordSet(RecordSetChange change) {
      throw new UnsupportedOperationException("not part of the subscription tests");
    }

    @Override
    public void validateChangeRecordSet(RecordSetChange change) {}

    @Override
    public SiteEndpoint attachSite(long siteId) {
      throw new UnsupportedOperationException("not part of the subscription tests");
    }

    @Override
    public void validateAttachSite(long siteId) {}

    @Override
    public void detachSite() {}

    @Override
    public void validateDetachSite() {}

    @Override
    public void checkDnsNow() {}

    @Override
    public Progress progress() {
      return new Progress(List.of());
    }

    @Override
    public DnsCheck lastCheck() {
      return null;
    }
  }

  /** A mail domain that waits for {@code turnOff}. */
  public static class MailDomain implements MailDomainWorkflow {
    private boolean off;

    @Override
    public void run(MailDomainRequest request) {
      Workflow.await(() -> off);
    }

    @Override
    public void turnOff() {
      off = noted("turnOff");
    }

    @Override
    public Progress progress() {
      return new Progress(List.of());
    }

    @Override
    public List<MailDnsRecord> dnsRecords() {
      return List.of();
    }
  }

  /** A mailbox that waits for {@code delete}. */
  public static class Mailbox implements MailboxWorkflow {
    private boolean deleted;

    @Override
    public void run(MailboxRequest request) {
      Workflow.await(() -> deleted);
    }

    @Override
    public void delete() {
      deleted = noted("delete");
    }

    @Override
    public Progress progress() {
      return new Progress(List.of());
    }
  }
}
