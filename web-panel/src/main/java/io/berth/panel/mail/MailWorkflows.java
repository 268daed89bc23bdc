package io.berth.panel.mail;

import io.berth.workflows.mail.MailDnsRecord;
import io.berth.workflows.mail.MailDomainRequest;
import io.berth.workflows.mail.MailboxRequest;
import io.berth.workflows.progress.Progress;
import java.util.List;
import java.util.Optional;

/**
 * The panel's port to the mail workflows: {@code maildomain-<id>} (email on a domain) and {@code
 * mailbox-<id>}. Passwords never pass through here: the panel stores a mailbox's hash on its row
 * before its workflow starts.
 */
interface MailWorkflows {

  /**
   * Starts {@code maildomain-<id>} on {@code berth-control} with the customer's and the domain's
   * search attributes.
   *
   * @throws RuntimeException if it could not be started (Temporal unreachable, id in use)
   */
  void startDomain(MailDomainRequest request, String domain);

  /** Sends {@code turnOff}; false if no workflow runs for the mail domain. */
  boolean turnOff(long mailDomainId);

  /**
   * The mail domain's set-up steps; all pending if its workflow does not exist.
   *
   * @throws io.berth.panel.common.ServiceUnavailableException if the workflow service is down
   */
  Progress domainProgress(long mailDomainId);

  /**
   * The mail DNS records the workflow published (hosted DNS) or wants added (external DNS); empty
   * when no workflow runs for the mail domain.
   *
   * @throws io.berth.panel.common.ServiceUnavailableException if the workflow service or its worker
   *     does not answer in time
   */
  Optional<List<MailDnsRecord>> dnsRecords(long mailDomainId);

  /**
   * Starts {@code mailbox-<id>} on {@code berth-control} with the customer's and the domain's
   * search attributes.
   *
   * @throws RuntimeException if it could not be started
   */
  void startMailbox(MailboxRequest request, String domain);

  /** Sends {@code delete}; false if no workflow runs for the mailbox. */
  boolean deleteMailbox(long mailboxId);
}
