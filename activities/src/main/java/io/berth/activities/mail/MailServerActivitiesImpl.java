package io.berth.activities.mail;

import io.berth.activities.common.PermanentException;
import io.berth.persistence.mail.MailDomain;
import io.berth.persistence.mail.MailDomainRepository;
import io.berth.persistence.mail.Mailbox;
import io.berth.persistence.mail.MailboxRepository;
import io.berth.persistence.secret.SecretStore;
import io.berth.workflows.common.FailureType;
import io.berth.workflows.mail.MailDomainStatus;
import io.berth.workflows.mail.MailServerActivities;
import io.berth.workflows.mail.MailboxStatus;

/**
 * The mail servers' own files, on {@code berth-mail} (the worker beside Postfix, Dovecot and
 * OpenDKIM), through the {@link MailServer} port. The DKIM private key goes from the {@link
 * SecretStore} straight into its 0600 key file and nowhere else. Every call rewrites the same files
 * and reloads again, so a retry after a crash anywhere in between converges.
 */
public class MailServerActivitiesImpl implements MailServerActivities {

  private final MailDomainRepository mailDomains;
  private final MailboxRepository mailboxes;
  private final SecretStore secrets;
  private final MailServer server;

  public MailServerActivitiesImpl(
      MailDomainRepository mailDomains,
      MailboxRepository mailboxes,
      SecretStore secrets,
      MailServer server) {
    this.mailDomains = mailDomains;
    this.mailboxes = mailboxes;
    this.secrets = secrets;
    this.server = server;
  }

  @Override
  public void enableDomain(long mailDomainId) {
    MailDomain mailDomain = mailDomain(mailDomainId);
    if (mailDomain.status() == MailDomainStatus.REMOVED) {
      throw new PermanentException(
          FailureType.INVALID_INPUT, "Email on " + mailDomain.name() + " has been turned off.");
    }
    String key =
        secrets
            .read(mailDomain.dkimKeySecret())
            .orElseThrow(
                () ->
                    new PermanentException(
                        FailureType.NOT_FOUND,
                        "The DKIM key of " + mailDomain.name() + " has not been made yet."));
    server.installDkimKey(mailDomain.name(), mailDomain.dkimSelector(), key);
    server.reloadSigner();
    server.reloadPostfix();
  }

  /**
   * Leaves the files alone when the name has since been turned on again under a new mail domain (a
   * late retry must not take its signing away), but reloads all the same.
   */
  @Override
  public void disableDomain(long mailDomainId) {
    MailDomain mailDomain = mailDomain(mailDomainId);
    if (!mailDomains.isNameLiveElsewhere(mailDomain.name(), mailDomain.id())) {
      server.removeDkimKey(mailDomain.name());
    }
    server.reloadSigner();
    server.reloadPostfix();
  }

  /**
   * Only a mailbox that no longer receives mail is purged; a PURGED one has nothing left (and its
   * address may belong to a new mailbox by now).
   */
  @Override
  public void purgeMailbox(long mailboxId) {
    Mailbox mailbox =
        mailboxes
            .findById(mailboxId)
            .orElseThrow(
                () ->
                    new PermanentException(
                        FailureType.NOT_FOUND, "Mailbox " + mailboxId + " not found"));
    if (mailbox.status() == MailboxStatus.PURGED) {
      return;
    }
    if (mailbox.isLive()) {
      throw new PermanentException(
          FailureType.CONFLICT,
          "Mailbox " + mailbox.address() + " is in use: delete it before its mail is removed.");
    }
    MailDomain mailDomain = mailDomain(mailbox.mailDomainId());
    server.removeMaildir(mailDomain.name(), mailbox.localPart());
    mailboxes.forgetUsage(mailbox.address());
  }

  private MailDomain mailDomain(long mailDomainId) {
    return MailRows.mailDomain(mailDomains, mailDomainId);
  }
}
