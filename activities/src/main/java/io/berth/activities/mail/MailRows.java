package io.berth.activities.mail;

import io.berth.activities.common.PermanentException;
import io.berth.persistence.mail.MailDomain;
import io.berth.persistence.mail.MailDomainRepository;
import io.berth.workflows.common.FailureType;

/** Rows the mail activities work on; a missing one fails for good, as a retry cannot bring it. */
final class MailRows {

  private MailRows() {}

  static MailDomain mailDomain(MailDomainRepository mailDomains, long mailDomainId) {
    return mailDomains
        .findById(mailDomainId)
        .orElseThrow(
            () ->
                new PermanentException(
                    FailureType.NOT_FOUND, "Mail domain " + mailDomainId + " not found"));
  }
}
