package io.berth.panel.domain;

import io.berth.persistence.host.Host;
import io.berth.persistence.host.HostRepository;
import io.berth.persistence.site.Site;
import io.berth.persistence.site.SiteRepository;
import io.berth.workflows.site.SiteStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What a customer sets up outside Berth: the name servers to set at their registrar (hosted DNS),
 * or the records to create at their DNS provider (external DNS).
 */
@Component
class DnsInstructions {

  /** Where a single-machine set-up serves sites before any host has reported an address. */
  static final String DEFAULT_ADDRESS = "127.0.0.1";

  private final DnsProperties dns;
  private final SiteRepository sites;
  private final HostRepository hosts;

  DnsInstructions(DnsProperties dns, SiteRepository sites, HostRepository hosts) {
    this.dns = dns;
    this.sites = sites;
    this.hosts = hosts;
  }

  List<String> nameServers() {
    return List.of(dns.primaryNs());
  }

  /** {@code example.test A <address>} and {@code www.example.test CNAME example.test.}. */
  List<RequiredRecord> recordsToCreate(String domain, long customerId, Long siteId) {
    String address = servingAddress(customerId, siteId);
    String type = address.contains(":") ? "AAAA" : "A";
    return List.of(
        new RequiredRecord(domain, type, address),
        new RequiredRecord("www." + domain, "CNAME", domain + "."));
  }

  /**
   * The public address of the host that serves the domain: the attached site's host, else the host
   * of the customer's first live site, else the host seen last (the rule the domain activities
   * check DNS against).
   */
  String servingAddress(long customerId, Long siteId) {
    Optional<String> hostId =
        Optional.ofNullable(siteId)
            .flatMap(sites::findById)
            .filter(site -> site.customerId() == customerId)
            .map(Site::hostId)
            .or(
                () ->
                    sites.findByCustomerIdOrderById(customerId).stream()
                        .filter(DnsInstructions::isLive)
                        .map(Site::hostId)
                        .filter(Objects::nonNull)
                        .findFirst());
    return hostId
        .flatMap(hosts::findById)
        .or(this::lastSeenHost)
        .map(Host::publicAddress)
        .filter(address -> !address.isBlank())
        .orElse(DEFAULT_ADDRESS);
  }

  private static boolean isLive(Site site) {
    return site.status() != SiteStatus.CANCELLED && site.status() != SiteStatus.FAILED;
  }

  private Optional<Host> lastSeenHost() {
    return hosts.findAll().stream()
        .max(
            Comparator.comparing(
                Host::lastSeen, Comparator.nullsFirst(Comparator.<Instant>naturalOrder())));
  }
}
