package io.berth.panel.mail;

import io.berth.persistence.mail.MailAlias;
import java.util.List;

/**
 * A forwarder: mail to {@code address} goes to every destination. A catch-all ({@code localPart}
 * {@code *}, address {@code @<domain>}) takes mail to any address of the domain that is neither a
 * mailbox nor another alias.
 */
record AliasSummary(
    long id,
    long mailDomainId,
    String localPart,
    String address,
    List<String> destinations,
    boolean catchAll) {

  AliasSummary {
    destinations = List.copyOf(destinations);
  }

  static AliasSummary of(MailAlias alias) {
    return new AliasSummary(
        alias.id(),
        alias.mailDomainId(),
        alias.localPart(),
        alias.address(),
        alias.destinationList(),
        alias.isCatchAll());
  }

  /** "sales@example.test", or "Catch-all: any other address @example.test". */
  String label() {
    return catchAll ? "Catch-all: any other address " + address : address;
  }
}
