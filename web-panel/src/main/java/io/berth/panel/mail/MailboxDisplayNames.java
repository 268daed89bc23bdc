package io.berth.panel.mail;

/**
 * Changes a mailbox's display name alone, in one statement, so it never overwrites the status or
 * password hash the workflow or another request wrote meanwhile.
 */
@FunctionalInterface
interface MailboxDisplayNames {

  /**
   * @param displayName null for none
   * @return false if the mailbox is not the customer's or is no longer being created or active
   */
  boolean change(long mailboxId, long customerId, String displayName);
}
