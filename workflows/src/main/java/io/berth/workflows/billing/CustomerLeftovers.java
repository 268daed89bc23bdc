package io.berth.workflows.billing;

import java.util.List;

/** A leaving customer's domains, mail domains and mailboxes, removed through their workflows. */
public record CustomerLeftovers(
    List<Long> domainIds, List<Long> mailDomainIds, List<Long> mailboxIds) {

  public static CustomerLeftovers none() {
    return new CustomerLeftovers(List.of(), List.of(), List.of());
  }
}
