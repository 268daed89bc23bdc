package io.berth.panel.mail;

import io.berth.panel.common.Caller;
import io.berth.panel.common.ConflictException;
import io.berth.panel.common.NotFoundException;
import io.berth.persistence.mail.MailAlias;
import io.berth.persistence.mail.MailAliasRepository;
import io.berth.persistence.mail.MailDomain;
import io.berth.persistence.mail.MailDomainRepository;
import io.berth.persistence.mail.Mailbox;
import io.berth.persistence.mail.MailboxRepository;
import io.berth.workflows.mail.MailDomainStatus;
import io.berth.workflows.mail.MailboxStatus;
import org.springframework.stereotype.Component;

/**
 * Finds the mail domain, mailbox or alias a caller asks about. Another customer's, and one that is
 * gone (email turned off, mail purged), is "not found", like one that never existed.
 */
@Component
class MailLookup {

  private final MailDomainRepository mailDomains;
  private final MailboxRepository mailboxes;
  private final MailAliasRepository aliases;

  MailLookup(
      MailDomainRepository mailDomains, MailboxRepository mailboxes, MailAliasRepository aliases) {
    this.mailDomains = mailDomains;
    this.mailboxes = mailboxes;
    this.aliases = aliases;
  }

  MailDomain mailDomain(Caller caller, long mailDomainId) {
    return mailDomains
        .findById(mailDomainId)
        .filter(d -> caller.canSee(d.customerId()) && d.status() != MailDomainStatus.REMOVED)
        .orElseThrow(() -> new NotFoundException("mail domain", mailDomainId));
  }

  /** The mail domain, for a live page whose access was checked when it opened. */
  MailDomain anyMailDomain(long mailDomainId) {
    return mailDomains
        .findById(mailDomainId)
        .orElseThrow(() -> new NotFoundException("mail domain", mailDomainId));
  }

  /** A visible mail domain that takes new mailboxes and aliases: being set up or on. */
  MailDomain openMailDomain(Caller caller, long mailDomainId) {
    MailDomain mailDomain = mailDomain(caller, mailDomainId);
    String reason =
        switch (mailDomain.status()) {
          case CREATING, ACTIVE -> null;
          case FAILED ->
              "Email could not be set up for "
                  + mailDomain.name()
                  + ": turn it off and on again, or contact support.";
          case REMOVING, REMOVED -> "Email is being turned off for " + mailDomain.name() + ".";
        };
    if (reason != null) {
      throw new ConflictException(reason);
    }
    return mailDomain;
  }

  Mailbox mailbox(Caller caller, long mailboxId) {
    return mailboxes
        .findById(mailboxId)
        .filter(m -> caller.canSee(m.customerId()) && m.status() != MailboxStatus.PURGED)
        .orElseThrow(() -> new NotFoundException("mailbox", mailboxId));
  }

  MailAlias alias(Caller caller, long aliasId) {
    return aliases
        .findById(aliasId)
        .filter(a -> caller.canSee(a.customerId()))
        .orElseThrow(() -> new NotFoundException("alias", aliasId));
  }
}
