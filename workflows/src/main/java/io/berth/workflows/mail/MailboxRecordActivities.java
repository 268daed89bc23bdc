package io.berth.workflows.mail;

import io.temporal.activity.ActivityInterface;
import java.time.Instant;

/** Platform-DB bookkeeping of mailboxes, on {@code berth-control}. Idempotent. */
@ActivityInterface
public interface MailboxRecordActivities {

  /** Stores the mailbox's status and reason (null: none). PURGED is final. */
  void recordMailbox(long mailboxId, MailboxStatus status, String reason);

  /**
   * Marks the mailbox DELETED: from then on it neither receives mail nor logs in, and its address
   * stays taken. Its mail is kept until {@code purgeAfter} (stored for the panel; the workflow's
   * timer does the purge). A repeat keeps the first {@code purgeAfter}.
   */
  void markDeleted(long mailboxId, Instant purgeAfter);
}
