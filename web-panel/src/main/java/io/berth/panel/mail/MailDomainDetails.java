package io.berth.panel.mail;

import io.berth.workflows.mail.MailDnsRecord;
import io.berth.workflows.progress.Step;
import java.util.List;

/**
 * One mail domain as its page shows it, live. Two snapshots are equal when nothing a customer could
 * see has changed.
 *
 * @param progressAvailable false when the workflow service could not be asked; steps are then all
 *     pending
 * @param dnsRecords the mail records, once email is on (empty before)
 * @param dnsRecordsAvailable false when the workflow should have answered with the records but
 *     could not be asked
 * @param missingRoleAddresses {@code postmaster}, {@code abuse}: those with neither a mailbox nor
 *     an alias yet
 * @param limits the plan's mailbox and storage limits and their use
 */
record MailDomainDetails(
    MailDomainSummary mailDomain,
    List<Step> steps,
    boolean progressAvailable,
    List<MailDnsRecord> dnsRecords,
    boolean dnsRecordsAvailable,
    List<MailboxSummary> mailboxes,
    List<AliasSummary> aliases,
    List<String> missingRoleAddresses,
    MailLimits limits) {

  MailDomainDetails {
    steps = List.copyOf(steps);
    dnsRecords = List.copyOf(dnsRecords);
    mailboxes = List.copyOf(mailboxes);
    aliases = List.copyOf(aliases);
    missingRoleAddresses = List.copyOf(missingRoleAddresses);
  }

  long id() {
    return mailDomain.id();
  }
}
