package io.berth.activities.mail;

import io.berth.persistence.mail.MailboxRepository;
import io.berth.workflows.mail.MailboxRecordActivities;
import io.berth.workflows.mail.MailboxStatus;
import java.time.Instant;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mailboxes' rows in the platform database, on {@code berth-control}. The mail servers read the
 * rows through their views, so a status written here takes effect at once.
 */
public class MailboxRecordActivitiesImpl implements MailboxRecordActivities {

  /** Width of {@code mailbox.reason}. */
  static final int MAX_REASON = 1000;

  private final MailboxRepository mailboxes;

  public MailboxRecordActivitiesImpl(MailboxRepository mailboxes) {
    this.mailboxes = mailboxes;
  }

  @Override
  @Transactional
  public void recordMailbox(long mailboxId, MailboxStatus status, String reason) {
    String shortened =
        reason == null || reason.length() <= MAX_REASON
            ? reason
            : reason.substring(0, MAX_REASON - 1) + "\u2026";
    mailboxes.updateStatus(mailboxId, status, shortened);
  }

  @Override
  @Transactional
  public void markDeleted(long mailboxId, Instant purgeAfter) {
    mailboxes.markDeleted(mailboxId, purgeAfter);
  }
}
