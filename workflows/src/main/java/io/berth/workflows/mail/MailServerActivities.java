package io.berth.workflows.mail;

import io.temporal.activity.ActivityInterface;

/**
 * The mail servers' own files, on the queue of the worker that runs beside Postfix, Dovecot and
 * OpenDKIM ({@code berth-mail}). Idempotent.
 */
@ActivityInterface
public interface MailServerActivities {

  /**
   * Makes the mail servers serve the domain: its DKIM key file and key/signing table lines for the
   * signer (then tells it to reload), and Postfix reloaded so no process keeps a cached "not ours"
   * answer for the domain.
   */
  void enableDomain(long mailDomainId);

  /** Removes the domain's DKIM signing entry and key file, and reloads Postfix. */
  void disableDomain(long mailDomainId);

  /** Removes a deleted mailbox's stored mail (its Maildir) and its quota usage. */
  void purgeMailbox(long mailboxId);
}
