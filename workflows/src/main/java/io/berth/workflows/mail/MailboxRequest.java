package io.berth.workflows.mail;

import java.time.Duration;

/**
 * Input of {@link MailboxWorkflow}.
 *
 * @param mailboxId the {@code mailbox} row the panel inserted (status CREATING, password hash set)
 * @param retention how long a deleted mailbox's mail is kept before it is removed
 * @param ready true when continued as new after the mailbox was made ACTIVE
 */
public record MailboxRequest(long mailboxId, long customerId, Duration retention, boolean ready) {}
