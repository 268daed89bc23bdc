package io.berth.persistence.mail;

import io.berth.workflows.mail.MailboxStatus;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A mailbox {@code address} = {@code localPart@domain}. {@code passwordHash} is a bcrypt hash
 * ({@code $2y$…}) that Dovecot verifies as BLF-CRYPT; the password itself is never stored. {@code
 * purgeAfter} is set when the mailbox is deleted: its mail is kept until then.
 */
@Table("mailbox")
public record Mailbox(
    @Id Long id,
    Long customerId,
    Long mailDomainId,
    String localPart,
    String address,
    String displayName,
    String passwordHash,
    int quotaMb,
    MailboxStatus status,
    String reason,
    Instant purgeAfter,
    Instant createdAt,
    Instant updatedAt) {

  /** A mailbox just created in the panel, before its workflow has run. */
  public static Mailbox creating(
      long customerId,
      long mailDomainId,
      String localPart,
      String domain,
      String displayName,
      String passwordHash,
      int quotaMb) {
    Instant now = Instant.now();
    return new Mailbox(
        null,
        customerId,
        mailDomainId,
        localPart,
        localPart + "@" + domain,
        displayName,
        passwordHash,
        quotaMb,
        MailboxStatus.CREATING,
        null,
        null,
        now,
        now);
  }

  /** Whether the mailbox still counts against the plan (its address is in use). */
  public boolean isLive() {
    return status == MailboxStatus.CREATING || status == MailboxStatus.ACTIVE;
  }
}
