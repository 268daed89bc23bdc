package io.berth.panel.mail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether an alias's destinations make sense among the customer's own addresses: each one a
 * well-formed address, not the alias itself, reaching a mailbox or alias where the address is on
 * one of the customer's mail domains (else the mail would bounce), and no loop through their
 * aliases ({@code a → b → a}, or longer), which mail servers only end by bouncing.
 *
 * @param ownDomains the customer's mail domains (not turned off)
 * @param liveMailboxes addresses of their mailboxes that receive mail or will (created, active)
 * @param keptMailboxes addresses of their deleted mailboxes whose mail is still kept
 * @param aliases their existing aliases: address → destinations
 */
record ForwardingCheck(
    Set<String> ownDomains,
    Set<String> liveMailboxes,
    Set<String> keptMailboxes,
    Map<String, List<String>> aliases) {

  /** What is wrong with forwarding {@code alias} to {@code destinations}; empty if nothing. */
  Optional<String> problem(String alias, List<String> destinations) {
    for (String destination : destinations) {
      Optional<String> problem = problemWith(alias, destination);
      if (problem.isPresent()) {
        return problem;
      }
    }
    for (String destination : destinations) {
      List<String> back = pathTo(destination, alias, new HashSet<>());
      if (back != null) {
        List<String> loop = new ArrayList<>();
        loop.add(alias);
        loop.addAll(back);
        return Optional.of(
            "That would make a loop: "
                + String.join(" → ", loop)
                + "; mail would go round until the server gives up. Forward to a mailbox instead.");
      }
    }
    return Optional.empty();
  }

  private Optional<String> problemWith(String alias, String destination) {
    if (!destination.equals(alias)
        && ownDomains.contains(MailAddresses.domainOf(destination))
        && !liveMailboxes.contains(destination)
        && !aliases.containsKey(destination)) {
      return Optional.of(
          keptMailboxes.contains(destination)
              ? destination
                  + " is a deleted mailbox, so mail to it would bounce; forward to a mailbox that"
                  + " exists."
              : destination
                  + " is neither a mailbox nor an alias of yours, so mail to it would bounce:"
                  + " create it first, or forward elsewhere.");
    }
    return Optional.empty();
  }

  /** The addresses from {@code from} through aliases to {@code target}; null if there is none. */
  private List<String> pathTo(String from, String target, Set<String> seen) {
    if (from.equals(target)) {
      return List.of(from);
    }
    if (!seen.add(from)) {
      return null;
    }
    for (String next : aliases.getOrDefault(from, List.of())) {
      List<String> rest = pathTo(next, target, seen);
      if (rest != null) {
        List<String> path = new ArrayList<>();
        path.add(from);
        path.addAll(rest);
        return path;
      }
    }
    return null;
  }
}
