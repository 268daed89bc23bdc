package io.berth.panel.mail;

import io.berth.panel.common.Caller;
import io.berth.panel.common.ConflictException;
import io.berth.panel.common.FieldProblem;
import io.berth.panel.common.InvalidInputException;
import io.berth.persistence.mail.MailAlias;
import io.berth.persistence.mail.MailAliasRepository;
import io.berth.persistence.mail.MailDomain;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * A customer's aliases (forwarders) and catch-alls: rows the mail servers read at once, so no
 * workflow is involved. An alias is stored whole or not at all. The panel and the API call the same
 * methods; another customer's alias is "not found".
 */
@Service
class AliasService {

  static final String LOCAL_PART_FIELD = "localPart";
  static final String DESTINATIONS_FIELD = "destinations";
  static final int MAX_DESTINATIONS = 50;

  private final MailAliasRepository aliases;
  private final MailLookup lookup;
  private final AliasBook book;

  AliasService(MailAliasRepository aliases, MailLookup lookup, AliasBook book) {
    this.aliases = aliases;
    this.lookup = lookup;
    this.book = book;
  }

  /** The mail domain's aliases, by address. */
  List<AliasSummary> aliasesOf(Caller caller, long mailDomainId) {
    MailDomain mailDomain = lookup.mailDomain(caller, mailDomainId);
    return aliases.findByMailDomainId(mailDomain.id()).stream().map(AliasSummary::of).toList();
  }

  /**
   * Forwards {@code localPart@domain} ({@code *}: every address of the domain that is neither a
   * mailbox nor another alias) to each destination: the customer's own addresses or outside ones.
   */
  AliasSummary create(
      Caller caller, long mailDomainId, String typedLocalPart, List<String> typedDestinations) {
    MailDomain mailDomain = lookup.openMailDomain(caller, mailDomainId);
    String localPart = MailAddresses.tidy(typedLocalPart);
    List<String> destinations = tidy(typedDestinations);
    List<FieldProblem> problems = new ArrayList<>();
    if (!MailAlias.CATCH_ALL.equals(localPart)) {
      MailAddresses.localPartProblem(localPart)
          .ifPresent(p -> problems.add(new FieldProblem(LOCAL_PART_FIELD, p)));
    }
    if (destinations.isEmpty()) {
      problems.add(
          new FieldProblem(
              DESTINATIONS_FIELD,
              "Enter at least one address to forward to, e.g. you@example.com."));
    } else if (destinations.size() > MAX_DESTINATIONS) {
      problems.add(
          new FieldProblem(
              DESTINATIONS_FIELD,
              "An alias forwards to at most " + MAX_DESTINATIONS + " addresses."));
    }
    String address =
        MailAlias.CATCH_ALL.equals(localPart)
            ? "@" + mailDomain.name()
            : localPart + "@" + mailDomain.name();
    destinationProblem(address, destinations)
        .ifPresent(p -> problems.add(new FieldProblem(DESTINATIONS_FIELD, p)));
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return AliasSummary.of(book.create(mailDomain, localPart, destinations));
  }

  /**
   * Deletes the alias at once. One that another of the customer's aliases forwards to stays: that
   * alias would bounce.
   */
  void delete(Caller caller, long aliasId) {
    MailAlias alias = lookup.alias(caller, aliasId);
    List<String> forwarders =
        aliases.findByCustomerId(alias.customerId()).stream()
            .filter(other -> !other.id().equals(alias.id()))
            .filter(other -> other.destinationList().contains(alias.address()))
            .map(MailAlias::address)
            .toList();
    if (!forwarders.isEmpty()) {
      throw new ConflictException(
          String.join(", ", forwarders)
              + (forwarders.size() == 1 ? " forwards" : " forward")
              + " to "
              + alias.address()
              + "; change or delete "
              + (forwarders.size() == 1 ? "that alias" : "those aliases")
              + " first.");
    }
    aliases.deleteById(alias.id());
  }

  /** A destination that can never work: not an address, or the alias itself. */
  private static Optional<String> destinationProblem(String alias, List<String> destinations) {
    for (String destination : destinations) {
      if (!MailAddresses.isAddress(destination)) {
        return Optional.of(
            "'"
                + destination
                + "' is not an email address; write each destination as name@example.com.");
      }
      if (destination.equals(alias)) {
        return Optional.of("An alias cannot forward to itself (" + destination + ").");
      }
    }
    return Optional.empty();
  }

  /** Stripped, lower-cased, without blanks and repeats, in the order given. */
  private static List<String> tidy(List<String> typed) {
    if (typed == null) {
      return List.of();
    }
    return List.copyOf(
        typed.stream()
            .filter(Objects::nonNull)
            .map(MailAddresses::tidy)
            .filter(d -> !d.isEmpty())
            .collect(Collectors.toCollection(LinkedHashSet::new)));
  }
}
