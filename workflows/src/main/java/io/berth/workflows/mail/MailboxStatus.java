package io.berth.workflows.mail;

/**
 * A mailbox's state. Only an ACTIVE mailbox receives mail and logs in. A DELETED one keeps its mail
 * until {@code purge_after}; {@link #PURGED} is final and frees the address.
 */
public enum MailboxStatus {
  CREATING,
  ACTIVE,
  FAILED,
  DELETED,
  PURGED
}
