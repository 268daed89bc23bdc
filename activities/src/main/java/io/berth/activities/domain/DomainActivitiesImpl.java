package io.berth.activities.domain;

import io.berth.activities.common.PermanentException;
import io.berth.activities.dns.DnsConfig.DnsProperties;
import io.berth.activities.dns.DnsLookupException;
import io.berth.activities.dns.DnsLookups;
import io.berth.activities.dns.DnsZones;
import io.berth.activities.dns.PresentationForm;
import io.berth.activities.dns.RecordType;
import io.berth.activities.dns.RecordValidator;
import io.berth.persistence.domain.DnsRecordSetRepository;
import io.berth.persistence.domain.DnsRecordSetRow;
import io.berth.persistence.domain.Domain;
import io.berth.persistence.domain.DomainRepository;
import io.berth.persistence.site.Site;
import io.berth.persistence.site.SiteRepository;
import io.berth.workflows.common.FailureType;
import io.berth.workflows.domain.DnsCheck;
import io.berth.workflows.domain.DnsRecordSet;
import io.berth.workflows.domain.DomainActivities;
import io.berth.workflows.domain.DomainMode;
import io.berth.workflows.domain.DomainStatus;
import io.berth.workflows.domain.RecordSetChange;
import io.berth.workflows.domain.SiteEndpoint;
import io.berth.workflows.site.SiteStatus;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xbill.DNS.Address;

/**
 * Domains on {@code berth-control}: zones and records on the authoritative server ({@link
 * DnsZones}), the record sets as stored for the DNS editor, and checks of public DNS ({@link
 * DnsLookups}).
 *
 * <p>Every change of a zone's records is validated completely before anything is sent, sent as one
 * atomic UPDATE, then stored, holding the domain's row lock so that changes of one domain never
 * interleave. A retry repeats the same UPDATE and upsert, which changes nothing the second time. An
 * external domain has no zone here: {@link #createZone} and {@link #ensureDefaultRecords} leave it
 * alone, and its records are the customer's to change at their DNS provider.
 */
@Component("domainActivities")
public class DomainActivitiesImpl implements DomainActivities {

  /** Width of the free-text columns (reason, DNS found/expected). */
  static final int MAX_TEXT = 1000;

  private final DomainRepository domains;
  private final DnsRecordSetRepository recordSets;
  private final SiteRepository sites;
  private final JdbcClient jdbc;
  private final DnsZones zones;
  private final DnsLookups lookups;
  private final DnsProperties dns;
  private final ServingAddress servingAddress;

  public DomainActivitiesImpl(
      DomainRepository domains,
      DnsRecordSetRepository recordSets,
      SiteRepository sites,
      JdbcClient jdbc,
      DnsZones zones,
      DnsLookups lookups,
      DnsProperties dns) {
    this.domains = domains;
    this.recordSets = recordSets;
    this.sites = sites;
    this.jdbc = jdbc;
    this.zones = zones;
    this.lookups = lookups;
    this.dns = dns;
    this.servingAddress = new ServingAddress(jdbc);
  }

  @Override
  public void createZone(long domainId) {
    Domain domain = domain(domainId);
    requireNotRemoved(domain);
    if (domain.mode() == DomainMode.HOSTED) {
      zones.createZone(domain.name());
    }
  }

  @Override
  @Transactional
  public void ensureDefaultRecords(long domainId) {
    Domain domain = lockedDomain(domainId);
    requireNotRemoved(domain);
    if (domain.mode() != DomainMode.HOSTED) {
      return;
    }
    String address = servingAddress.of(domain);
    RecordType addressType = address.contains(":") ? RecordType.AAAA : RecordType.A;
    if (!customerHasSetAt(domain, RecordNames.APEX, addressType)) {
      replace(domain, RecordNames.APEX, addressType, dns.defaultTtl(), List.of(address), true);
    }
    if (!customerHasSetAt(domain, "www", RecordType.CNAME)) {
      replace(domain, "www", RecordType.CNAME, dns.defaultTtl(), List.of(domain.name()), true);
    }
  }

  @Override
  @Transactional
  public DnsRecordSet applyRecordSet(long domainId, RecordSetChange change) {
    Domain domain = lockedDomain(domainId);
    requireNotRemoved(domain);
    if (domain.mode() != DomainMode.HOSTED) {
      throw invalid(
          domain.name()
              + " uses external DNS: change its records at the DNS provider that serves it.");
    }
    if (change == null) {
      throw invalid("A record set change is required.");
    }
    RecordType type = RecordType.of(change.type());
    String name = RecordNames.relative(domain.name(), change.name());
    if (change.isDelete()) {
      RecordValidator.owner(domain.name(), name, type);
      zones.deleteRecordSet(domain.name(), name, type);
      recordSets.deleteSet(domain.id(), name, type.name());
      return null;
    }
    return replace(domain, name, type, change.ttl(), change.values(), false);
  }

  @Override
  public DnsCheck checkDns(long domainId) {
    Domain domain = domain(domainId);
    DnsCheck check =
        domain.mode() == DomainMode.HOSTED ? delegationCheck(domain) : addressCheck(domain);
    domains.recordDnsCheck(domain.id(), check.seen(), clip(check.found()), clip(check.expected()));
    return check;
  }

  @Override
  public SiteEndpoint siteEndpoint(long domainId, long siteId) {
    Domain domain = domain(domainId);
    Site site =
        sites
            .findByIdAndCustomerId(siteId, domain.customerId())
            .orElseThrow(
                () ->
                    new PermanentException(FailureType.NOT_FOUND, "Site " + siteId + " not found"));
    boolean live = site.status() == SiteStatus.RUNNING || site.status() == SiteStatus.STOPPED;
    if (!live || site.hostId() == null || site.hostPort() == null) {
      throw invalid(
          "Site " + site.name() + " is not live yet: attach the domain once the site runs.");
    }
    return new SiteEndpoint(site.id(), site.name(), site.hostId(), site.hostPort());
  }

  @Override
  @Transactional
  public void deleteZone(long domainId) {
    Domain domain = lockedDomain(domainId);
    // A removed domain's name can be added again: never take the zone from its new owner.
    if (domain.mode() == DomainMode.HOSTED && !nameLiveInAnotherDomain(domain)) {
      zones.deleteZone(domain.name());
    }
    recordSets.deleteAllOf(domain.id());
  }

  @Override
  @Transactional
  public void recordDomain(long domainId, DomainStatus status, Long siteId, String reason) {
    domains.updateStatus(domainId, status, siteId, clip(reason));
  }

  /**
   * Validates the set against the types stored at its name, replaces it on the server, then stores
   * it in the same presentation form the server now holds.
   */
  private DnsRecordSet replace(
      Domain domain, String name, RecordType type, long ttl, List<String> values, boolean managed) {
    Set<RecordType> existing =
        recordSets.findByDomainId(domain.id()).stream()
            .filter(row -> row.name().equals(name) && !row.type().equals(type.name()))
            .map(row -> RecordType.of(row.type()))
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(RecordType.class)));
    List<String> normalised =
        RecordValidator.records(domain.name(), name, type, ttl, values, existing).stream()
            .map(PresentationForm::of)
            .toList();
    zones.replaceRecordSet(domain.name(), name, type, ttl, normalised);
    recordSets.upsert(
        domain.id(), name, type.name(), ttl, DnsRecordSetRow.data(normalised), managed);
    return new DnsRecordSet(name, type.name(), ttl, normalised, managed);
  }

  /**
   * Whether a set the customer wrote would be overwritten by, or could not sit beside, the
   * platform's set {@code (name, type)}.
   */
  private boolean customerHasSetAt(Domain domain, String name, RecordType type) {
    return recordSets.findByDomainId(domain.id()).stream()
        .filter(row -> row.name().equals(name) && !row.managed())
        .anyMatch(
            row ->
                row.type().equals(type.name())
                    || type == RecordType.CNAME
                    || row.type().equals(RecordType.CNAME.name()));
  }

  /** Hosted: is the domain delegated to Berth's name server? */
  private DnsCheck delegationCheck(Domain domain) {
    String expected = bare(dns.primaryNs());
    List<String> servers;
    try {
      servers = lookups.nameServers(domain.name());
    } catch (DnsLookupException e) {
      return answeredWithError(e, expected);
    }
    boolean seen = servers.stream().anyMatch(ns -> bare(ns).equalsIgnoreCase(expected));
    String found = servers.isEmpty() ? "no NS records" : String.join(", ", servers);
    return new DnsCheck(seen, found, expected);
  }

  /** External: does the domain resolve to the address its site is served from? */
  private DnsCheck addressCheck(Domain domain) {
    String expected = servingAddress.of(domain);
    boolean ipv6 = expected.contains(":");
    List<String> addresses;
    try {
      addresses = ipv6 ? lookups.ipv6Addresses(domain.name()) : lookups.addresses(domain.name());
    } catch (DnsLookupException e) {
      return answeredWithError(e, expected);
    }
    boolean seen = addresses.stream().anyMatch(a -> sameAddress(a, expected));
    String found =
        addresses.isEmpty()
            ? (ipv6 ? "no AAAA record" : "no A record")
            : String.join(", ", addresses);
    return new DnsCheck(seen, found, expected);
  }

  /**
   * A resolver that answers SERVFAIL or REFUSED is telling something about the domain's DNS (e.g.
   * its name servers do not answer), so that is what the check found; a resolver that does not
   * answer at all is our problem, and the activity is retried.
   */
  private static DnsCheck answeredWithError(DnsLookupException e, String expected) {
    if (!e.resolverAnswered()) {
      throw e;
    }
    return new DnsCheck(false, "the resolver answered " + e.rcode(), expected);
  }

  private static boolean sameAddress(String a, String b) {
    int family = a.contains(":") ? Address.IPv6 : Address.IPv4;
    byte[] x = Address.toByteArray(a, family);
    byte[] y = Address.toByteArray(b, family);
    return x != null && Arrays.equals(x, y);
  }

  private boolean nameLiveInAnotherDomain(Domain domain) {
    return jdbc.sql(
            "SELECT count(*) > 0 FROM domain WHERE name = :name AND id <> :id"
                + " AND status <> 'REMOVED'")
        .param("name", domain.name())
        .param("id", domain.id())
        .query(Boolean.class)
        .single();
  }

  private Domain domain(long domainId) {
    return domains
        .findById(domainId)
        .orElseThrow(
            () ->
                new PermanentException(FailureType.NOT_FOUND, "Domain " + domainId + " not found"));
  }

  /** The domain, its row locked until the transaction ends. */
  private Domain lockedDomain(long domainId) {
    jdbc.sql("SELECT id FROM domain WHERE id = :id FOR UPDATE")
        .param("id", domainId)
        .query(Long.class)
        .optional();
    return domain(domainId);
  }

  private static void requireNotRemoved(Domain domain) {
    if (domain.status() == DomainStatus.REMOVED) {
      throw invalid("Domain " + domain.name() + " has been removed.");
    }
  }

  private static String bare(String name) {
    String text = name.strip();
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }

  private static String clip(String text) {
    return text == null || text.length() <= MAX_TEXT
        ? text
        : text.substring(0, MAX_TEXT - 1) + "\u2026";
  }

  private static PermanentException invalid(String message) {
    return new PermanentException(FailureType.INVALID_INPUT, message);
  }
}
