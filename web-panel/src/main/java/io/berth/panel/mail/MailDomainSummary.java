package io.berth.panel.mail;

import io.berth.persistence.mail.MailDomain;
import io.berth.workflows.domain.DomainMode;
import io.berth.workflows.mail.MailDomainStatus;

/**
 * Email on one of a customer's domains, as its owner sees it.
 *
 * @param mode how the domain's DNS is run: its mail records are published for the customer (HOSTED)
 *     or shown for them to add (EXTERNAL)
 * @param reason why it failed; null otherwise
 */
record MailDomainSummary(
    long id,
    long customerId,
    long domainId,
    String name,
    DomainMode mode,
    MailDomainStatus status,
    String reason) {

  static MailDomainSummary of(MailDomain mailDomain, DomainMode mode) {
    return new MailDomainSummary(
        mailDomain.id(),
        mailDomain.customerId(),
        mailDomain.domainId(),
        mailDomain.name(),
        mode,
        mailDomain.status(),
        mailDomain.reason());
  }

  boolean hosted() {
    return mode == DomainMode.HOSTED;
  }

  /** Being set up or on: mailboxes and aliases can be made. */
  boolean open() {
    return status == MailDomainStatus.CREATING || status == MailDomainStatus.ACTIVE;
  }

  /** Not being turned off: the customer can still turn it off. */
  boolean live() {
    return status != MailDomainStatus.REMOVING && status != MailDomainStatus.REMOVED;
  }
}
