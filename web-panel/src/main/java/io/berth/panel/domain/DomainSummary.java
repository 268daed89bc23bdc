package io.berth.panel.domain;

import io.berth.persistence.domain.Domain;
import io.berth.workflows.domain.DomainMode;
import io.berth.workflows.domain.DomainStatus;
import java.time.Instant;

/**
 * A domain as its owner sees it in lists.
 *
 * @param siteName the attached site's name; null when none is attached
 * @param reason why it failed or gave up waiting for DNS; null otherwise
 */
record DomainSummary(
    long id,
    long customerId,
    String name,
    DomainMode mode,
    DomainStatus status,
    String reason,
    Long siteId,
    String siteName,
    DnsLook dns,
    Instant createdAt) {

  static DomainSummary of(Domain domain, String siteName) {
    return new DomainSummary(
        domain.id(),
        domain.customerId(),
        domain.name(),
        domain.mode(),
        domain.status(),
        domain.reason(),
        domain.siteId(),
        siteName,
        new DnsLook(
            domain.dnsSeen(), domain.dnsFound(), domain.dnsExpected(), domain.dnsCheckedAt()),
        domain.createdAt());
  }

  boolean hosted() {
    return mode == DomainMode.HOSTED;
  }

  /** Not being removed or removed: the customer can still change it. */
  boolean live() {
    return status != DomainStatus.REMOVING && status != DomainStatus.REMOVED;
  }

  /** Whether the zone is set up and its records can be edited now. */
  boolean editable() {
    return hosted()
        && (status == DomainStatus.WAITING_FOR_DNS
            || status == DomainStatus.ACTIVE
            || status == DomainStatus.DNS_NOT_SEEN);
  }
}
