package io.berth.workflows.domain;

import io.temporal.activity.ActivityInterface;

/**
 * Domain activities on {@code berth-control}: the authoritative DNS server, public DNS lookups and
 * the platform DB. Each one is idempotent. Bad input fails for good ({@code INVALID_INPUT}) with a
 * message that says what to fix, and changes nothing.
 */
@ActivityInterface
public interface DomainActivities {

  /** Creates the domain's zone (SOA, NS) on the authoritative server unless it exists. */
  void createZone(long domainId);

  /**
   * Makes the platform's records of the zone current: the apex A record to the address the domain's
   * site (else the customer's sites) is served from, and {@code www} as a CNAME to the apex. Stored
   * as managed record sets; a name where the customer has set records of their own is left alone.
   * Run at set-up and again whenever the domain is attached to a site.
   */
  void ensureDefaultRecords(long domainId);

  /**
   * Validates and applies one DNS editor change: replaces (or deletes) the record set in one atomic
   * UPDATE, then stores it. Returns the set as stored (null after a delete).
   */
  DnsRecordSet applyRecordSet(long domainId, RecordSetChange change);

  /** Looks at public DNS (the configured resolver) and stores what it saw for the panel. */
  DnsCheck checkDns(long domainId);

  /**
   * The live site {@code siteId} of the domain's customer. Fails for good when the site does not
   * exist, belongs to someone else, or is not live.
   */
  SiteEndpoint siteEndpoint(long domainId, long siteId);

  /** Removes the zone with all its records from the server, and the stored record sets. */
  void deleteZone(long domainId);

  /** Stores the domain's status, attached site (null: none) and reason (null: none). */
  void recordDomain(long domainId, DomainStatus status, Long siteId, String reason);
}
