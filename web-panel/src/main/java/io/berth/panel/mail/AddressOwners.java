package io.berth.panel.mail;

import io.berth.persistence.mail.MailAliasRepository;
import io.berth.persistence.mail.Mailbox;
import io.berth.persistence.mail.MailboxRepository;
import io.berth.workflows.mail.MailboxStatus;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who holds an address already: a mailbox, a deleted mailbox whose mail is kept (its address stays
 * taken until the mail is removed, so nobody new receives mail meant for it), or an alias.
 */
@Component
class AddressOwners {

  private final MailboxRepository mailboxes;
  private final MailAliasRepository aliases;

  AddressOwners(MailboxRepository mailboxes, MailAliasRepository aliases) {
    this.mailboxes = mailboxes;
    this.aliases = aliases;
  }

  /** Why the address cannot be given to a new mailbox or alias; empty if it is free. */
  Optional<String> problem(String address) {
    Optional<Mailbox> mailbox = mailboxes.findStoredByAddress(address);
    if (mailbox.isPresent()) {
      return Optional.of(
          mailbox.get().status() == MailboxStatus.DELETED
              ? address
                  + " belonged to a deleted mailbox whose mail is kept until "
                  + MailFormat.date(mailbox.get().purgeAfter())
                  + "; the address is free again once that mail is removed."
              : address + " is already a mailbox; choose another address.");
    }
    if (aliases.findByAddress(address).isPresent()) {
      return Optional.of(address + " is already an alias; choose another address.");
    }
    return Optional.empty();
  }
}
