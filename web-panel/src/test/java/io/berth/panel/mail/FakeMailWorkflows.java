package io.berth.panel.mail;

import io.berth.panel.common.ServiceUnavailableException;
import io.berth.panel.testing.Resettable;
import io.berth.workflows.mail.MailDnsRecord;
import io.berth.workflows.mail.MailDomainRequest;
import io.berth.workflows.mail.MailDomainWorkflow;
import io.berth.workflows.mail.MailboxRequest;
import io.berth.workflows.progress.Progress;
import io.berth.workflows.progress.Step;
import io.grpc.Status;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records what the panel asks of the mail workflows, and answers with the steps and DNS records a
 * test sets; or is unreachable, or has no workflow running, as a test asks.
 */
public class FakeMailWorkflows implements MailWorkflows, Resettable {

  /** A started workflow with the domain it was started for (its BerthDomain attribute). */
  public record Started<T>(T request, String domain) {}

  public final List<Started<MailDomainRequest>> startedDomains = new CopyOnWriteArrayList<>();
  public final List<Started<MailboxRequest>> startedMailboxes = new CopyOnWriteArrayList<>();
  public final List<Long> turnedOff = new CopyOnWriteArrayList<>();
  public final List<Long> deletedMailboxes = new CopyOnWriteArrayList<>();
  private final Map<Long, Progress> progress = new ConcurrentHashMap<>();
  private final Map<Long, List<MailDnsRecord>> records = new ConcurrentHashMap<>();
  private volatile boolean unreachable;
  private volatile boolean notAnswering;
  private volatile boolean gone;

  public void unreachable(boolean down) {
    unreachable = down;
  }

  /** The workflows run but their worker does not answer queries. */
  public void notAnswering(boolean silent) {
    notAnswering = silent;
  }

  /** The workflows have ended: signals find nobody. */
  public void gone(boolean ended) {
    gone = ended;
  }

  public void setProgress(long mailDomainId, List<Step> steps) {
    progress.put(mailDomainId, new Progress(steps));
  }

  public void setDnsRecords(long mailDomainId, List<MailDnsRecord> answer) {
    records.put(mailDomainId, List.copyOf(answer));
  }

  @Override
  public void startDomain(MailDomainRequest request, String domain) {
    if (unreachable) {
      throw Status.UNAVAILABLE.withDescription("connection refused").asRuntimeException();
    }
    startedDomains.add(new Started<>(request, domain));
  }

  @Override
  public boolean turnOff(long mailDomainId) {
    failIfUnreachable();
    if (gone) {
      return false;
    }
    turnedOff.add(mailDomainId);
    return true;
  }

  @Override
  public Progress domainProgress(long mailDomainId) {
    failIfUnreachable();
    return progress.getOrDefault(
        mailDomainId, new Progress(MailDomainWorkflow.STEPS.stream().map(Step::pending).toList()));
  }

  @Override
  public Optional<List<MailDnsRecord>> dnsRecords(long mailDomainId) {
    failIfUnreachable();
    if (notAnswering) {
      throw new ServiceUnavailableException(TemporalMailWorkflows.NOT_ANSWERING, null);
    }
    return gone ? Optional.empty() : Optional.of(records.getOrDefault(mailDomainId, List.of()));
  }

  @Override
  public void startMailbox(MailboxRequest request, String domain) {
    if (unreachable) {
      throw Status.UNAVAILABLE.withDescription("connection refused").asRuntimeException();
    }
    startedMailboxes.add(new Started<>(request, domain));
  }

  @Override
  public boolean deleteMailbox(long mailboxId) {
    failIfUnreachable();
    if (gone) {
      return false;
    }
    deletedMailboxes.add(mailboxId);
    return true;
  }

  private void failIfUnreachable() {
    if (unreachable) {
      throw new ServiceUnavailableException(
          ServiceUnavailableException.WORKFLOWS_UNREACHABLE, null);
    }
  }

  @Override
  public void reset() {
    startedDomains.clear();
    startedMailboxes.clear();
    turnedOff.clear();
    deletedMailboxes.clear();
    progress.clear();
    records.clear();
    unreachable = false;
    notAnswering = false;
    gone = false;
  }
}
