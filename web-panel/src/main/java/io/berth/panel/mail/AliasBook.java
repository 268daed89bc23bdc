package io.berth.panel.mail;

import io.berth.panel.common.ConflictException;
import io.berth.panel.common.CustomerLocks;
import io.berth.persistence.mail.MailAlias;
import io.berth.persistence.mail.MailAliasRepository;
import io.berth.persistence.mail.MailDomain;
import io.berth.persistence.mail.MailDomainRepository;
import io.berth.persistence.mail.Mailbox;
import io.berth.persistence.mail.MailboxRepository;
import io.berth.workflows.mail.MailboxStatus;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes an alias after checking, under the customer's lock, what concurrent requests could change:
 * the address is free, there is one catch-all per domain, and the destinations reach a mailbox or
 * alias without a loop. The row is the whole alias: the mail servers read it at once.
 */
@Component
class AliasBook {

  private final MailAliasRepository aliases;
  private final MailboxRepository mailboxes;
  private final MailDomainRepository mailDomains;
  private final AddressOwners owners;
  private final CustomerLocks locks;

  AliasBook(
      MailAliasRepository aliases,
      MailboxRepository mailboxes,
      MailDomainRepository mailDomains,
      AddressOwners owners,
      CustomerLocks locks) {
    this.aliases = aliases;
    this.mailboxes = mailboxes;
    this.mailDomains = mailDomains;
    this.owners = owners;
    this.locks = locks;
  }

  @Transactional
  MailAlias create(MailDomain mailDomain, String localPart, List<String> destinations) {
    long customerId = mailDomain.customerId();
    locks.lock(customerId);
    MailAlias alias =
        MailAlias.of(customerId, mailDomain.id(), localPart, mailDomain.name(), destinations);
    if (alias.isCatchAll()) {
      aliases.findByAddress(alias.address()).ifPresent(existing -> refuseSecondCatchAll(existing));
    } else {
      owners
          .problem(alias.address())
          .ifPresent(
              taken -> {
                throw new ConflictException(AliasService.LOCAL_PART_FIELD, taken);
              });
    }
    forwarding(customerId)
        .problem(alias.address(), destinations)
        .ifPresent(
            problem -> {
              throw new ConflictException(AliasService.DESTINATIONS_FIELD, problem);
            });
    return aliases.save(alias);
  }

  private static void refuseSecondCatchAll(MailAlias existing) {
    throw new ConflictException(
        AliasService.LOCAL_PART_FIELD,
        "There is a catch-all for "
            + existing.address()
            + " already (to "
            + String.join(", ", existing.destinationList())
            + "); a domain has one. Delete it first to make another.");
  }

  private ForwardingCheck forwarding(long customerId) {
    Set<String> ownDomains =
        mailDomains.findLiveByCustomerId(customerId).stream()
            .map(MailDomain::name)
            .collect(Collectors.toSet());
    List<Mailbox> stored = mailboxes.findStoredByCustomerId(customerId);
    Map<String, List<String>> byAddress =
        aliases.findByCustomerId(customerId).stream()
            .collect(Collectors.toMap(MailAlias::address, MailAlias::destinationList));
    return new ForwardingCheck(
        ownDomains,
        stored.stream().filter(Mailbox::isLive).map(Mailbox::address).collect(Collectors.toSet()),
        stored.stream()
            .filter(m -> m.status() == MailboxStatus.DELETED)
            .map(Mailbox::address)
            .collect(Collectors.toSet()),
        byAddress);
  }
}
