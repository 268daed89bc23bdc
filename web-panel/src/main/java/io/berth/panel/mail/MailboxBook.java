package io.berth.panel.mail;

import io.berth.panel.common.ConflictException;
import io.berth.panel.common.CustomerLocks;
import io.berth.panel.plan.Allowances;
import io.berth.persistence.mail.MailDomain;
import io.berth.persistence.mail.Mailbox;
import io.berth.persistence.mail.MailboxRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes mailbox rows after checking, under the customer's lock, what concurrent requests could
 * change: the plan's mailbox count and mail storage, and that the address is free. A change of
 * several fields is applied whole or not at all.
 */
@Component
class MailboxBook {

  private static final long MB = 1024L * 1024L;

  private final MailboxRepository mailboxes;
  private final MailboxDisplayNames displayNames;
  private final AddressOwners owners;
  private final Allowances allowances;
  private final CustomerLocks locks;

  MailboxBook(
      MailboxRepository mailboxes,
      MailboxDisplayNames displayNames,
      AddressOwners owners,
      Allowances allowances,
      CustomerLocks locks) {
    this.mailboxes = mailboxes;
    this.displayNames = displayNames;
    this.owners = owners;
    this.allowances = allowances;
    this.locks = locks;
  }

  /** A new mailbox (CREATING) with the hash of its password. */
  @Transactional
  Mailbox create(
      MailDomain mailDomain,
      String localPart,
      String displayName,
      String passwordHash,
      int quotaMb) {
    long customerId = mailDomain.customerId();
    locks.lock(customerId);
    allowances
        .mailboxRefusal(customerId)
        .ifPresent(
            reason -> {
              throw new ConflictException(reason);
            });
    checkQuota(customerId, quotaMb, 0);
    owners
        .problem(localPart + "@" + mailDomain.name())
        .ifPresent(
            taken -> {
              throw new ConflictException(MailboxService.LOCAL_PART_FIELD, taken);
            });
    return mailboxes.save(
        Mailbox.creating(
            customerId,
            mailDomain.id(),
            localPart,
            mailDomain.name(),
            displayName,
            passwordHash,
            quotaMb));
  }

  /**
   * Applies the given changes to a live mailbox.
   *
   * @param passwordHash null to keep the password
   * @param quotaMb null to keep the quota; never below what the mailbox holds
   * @param changeDisplayName whether to store {@code displayName} (null: none)
   */
  @Transactional
  void change(
      Mailbox mailbox,
      String passwordHash,
      Integer quotaMb,
      boolean changeDisplayName,
      String displayName) {
    long customerId = mailbox.customerId();
    locks.lock(customerId);
    Mailbox current =
        mailboxes.findById(mailbox.id()).filter(Mailbox::isLive).orElseThrow(() -> gone(mailbox));
    if (quotaMb != null) {
      long used = mailboxes.usedBytes(current.address());
      if (used > quotaMb * MB) {
        long atLeast = (used + MB - 1) / MB;
        throw new ConflictException(
            MailboxService.QUOTA_FIELD,
            current.address()
                + " holds "
                + MailFormat.megabytes(used)
                + " already: choose a quota of at least "
                + atLeast
                + " MB, or delete some mail first.");
      }
      checkQuota(customerId, quotaMb, current.quotaMb());
      require(mailboxes.changeQuota(current.id(), customerId, quotaMb) == 1, current);
    }
    if (passwordHash != null) {
      require(mailboxes.changePassword(current.id(), customerId, passwordHash) == 1, current);
    }
    if (changeDisplayName) {
      require(displayNames.change(current.id(), customerId, displayName), current);
    }
  }

  private void checkQuota(long customerId, int quotaMb, int releasedMb) {
    allowances
        .mailQuotaRefusal(customerId, quotaMb, releasedMb, MailLimits.MIN_QUOTA_MB)
        .ifPresent(
            reason -> {
              throw new ConflictException(MailboxService.QUOTA_FIELD, reason);
            });
  }

  private static void require(boolean changed, Mailbox mailbox) {
    if (!changed) {
      throw gone(mailbox);
    }
  }

  static ConflictException gone(Mailbox mailbox) {
    return new ConflictException(
        mailbox.address() + " was deleted or could not be set up; it can no longer be changed.");
  }
}
