package io.berth.panel.mail;

import io.berth.persistence.mail.Mailbox;
import io.berth.workflows.mail.MailboxStatus;
import java.time.Instant;

/**
 * A mailbox as its owner sees it; never its password or hash.
 *
 * @param usedBytes what Dovecot counts in it (0 before its first message)
 * @param purgeAfter for a deleted mailbox, until when its mail is kept; null otherwise
 */
record MailboxSummary(
    long id,
    long mailDomainId,
    String address,
    String localPart,
    String displayName,
    int quotaMb,
    long usedBytes,
    MailboxStatus status,
    String reason,
    Instant purgeAfter) {

  static MailboxSummary of(Mailbox mailbox, long usedBytes) {
    return new MailboxSummary(
        mailbox.id(),
        mailbox.mailDomainId(),
        mailbox.address(),
        mailbox.localPart(),
        mailbox.displayName(),
        mailbox.quotaMb(),
        usedBytes,
        mailbox.status(),
        mailbox.reason(),
        mailbox.purgeAfter());
  }

  /** Being created or active: it counts against the plan and can be changed. */
  boolean live() {
    return status == MailboxStatus.CREATING || status == MailboxStatus.ACTIVE;
  }

  /** Deleted, its mail kept until {@link #purgeAfter()}. */
  boolean kept() {
    return status == MailboxStatus.DELETED;
  }
}
