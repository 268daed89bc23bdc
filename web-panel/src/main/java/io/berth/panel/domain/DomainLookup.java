package io.berth.panel.domain;

import io.berth.panel.common.Caller;
import io.berth.panel.common.ConflictException;
import io.berth.panel.common.NotFoundException;
import io.berth.persistence.domain.Domain;
import io.berth.persistence.domain.DomainRepository;
import io.berth.workflows.domain.DomainMode;
import io.berth.workflows.domain.DomainStatus;
import org.springframework.stereotype.Component;

/**
 * Finds the domain a caller asks about and checks it is in a state for what they ask. Another
 * customer's domain is "not found", like one that does not exist.
 */
@Component
class DomainLookup {

  private final DomainRepository domains;

  DomainLookup(DomainRepository domains) {
    this.domains = domains;
  }

  /** The domain, if the caller may see it. */
  Domain visible(Caller caller, long domainId) {
    return domains
        .findById(domainId)
        .filter(domain -> caller.canSee(domain.customerId()))
        .orElseThrow(() -> notFound(domainId));
  }

  /** The domain, for a live page whose access was checked when it opened. */
  Domain any(long domainId) {
    return domains.findById(domainId).orElseThrow(() -> notFound(domainId));
  }

  /** A visible domain that is not being removed. */
  Domain changeable(Caller caller, long domainId) {
    Domain domain = visible(caller, domainId);
    if (domain.status() == DomainStatus.REMOVING || domain.status() == DomainStatus.REMOVED) {
      throw new ConflictException(
          domain.name() + " is being removed or was removed; it can no longer be changed.");
    }
    return domain;
  }

  /** A changeable hosted domain whose zone is set up, so its records can be edited. */
  Domain editableZone(Caller caller, long domainId) {
    Domain domain = changeable(caller, domainId);
    requireHosted(domain);
    if (domain.status() == DomainStatus.SETTING_UP) {
      throw new ConflictException(
          "The zone of " + domain.name() + " is still being set up; edit it once it is ready.");
    }
    if (domain.status() == DomainStatus.FAILED) {
      throw new ConflictException(
          domain.name()
              + " could not be set up, so it has no zone to edit; remove it and add it again.");
    }
    return domain;
  }

  static void requireHosted(Domain domain) {
    if (domain.mode() != DomainMode.HOSTED) {
      throw new ConflictException(
          domain.name()
              + " uses external DNS: Berth holds no records for it. Create the records it shows"
              + " at your DNS provider.");
    }
  }

  private static NotFoundException notFound(long domainId) {
    return new NotFoundException("domain", domainId);
  }
}
