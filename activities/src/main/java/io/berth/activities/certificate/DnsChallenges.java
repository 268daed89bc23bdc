package io.berth.activities.certificate;

import io.berth.activities.common.PermanentException;
import io.berth.activities.dns.DnsLookupException;
import io.berth.activities.dns.DnsLookups;
import io.berth.activities.dns.DnsZones;
import io.berth.activities.dns.RecordType;
import io.berth.workflows.certificate.AcmeChallenge;
import io.berth.workflows.common.FailureType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * DNS-01 records on Berth's own DNS through the {@link DnsZones} port. All challenges of one owner
 * name go into one TXT set (a wildcard and its bare name share {@code _acme-challenge.<name>}). The
 * zone is the nearest enclosing one the server holds; the platform's sites domain gets its zone
 * made when it has none yet. Publishing returns only once the resolver the CA asks answers with
 * every value, so the CA never looks too early.
 */
final class DnsChallenges {

  private static final String PREFIX = "_acme-challenge.";

  private final DnsZones zones;
  private final DnsLookups lookups;
  private final String sitesDomain;
  private final long ttl;
  private final Duration wait;

  /**
   * @param lookups the resolver the CA asks (in development and CI the local BIND it resolves
   *     through), to know when the records are visible
   */
  DnsChallenges(DnsZones zones, DnsLookups lookups, String sitesDomain, long ttl, Duration wait) {
    this.zones = zones;
    this.lookups = lookups;
    this.sitesDomain = sitesDomain.toLowerCase(Locale.ROOT);
    this.ttl = ttl;
    this.wait = wait;
  }

  void publish(List<AcmeChallenge> challenges) {
    Map<String, List<String>> byOwner = new LinkedHashMap<>();
    for (AcmeChallenge challenge : challenges) {
      byOwner
          .computeIfAbsent(challenge.name().toLowerCase(Locale.ROOT), o -> new ArrayList<>())
          .add(challenge.content());
    }
    for (Map.Entry<String, List<String>> set : byOwner.entrySet()) {
      String zone = zoneFor(set.getKey());
      zones.replaceRecordSet(
          zone, relative(set.getKey(), zone), RecordType.TXT, ttl, set.getValue());
    }
    for (Map.Entry<String, List<String>> set : byOwner.entrySet()) {
      awaitVisible(set.getKey(), set.getValue());
    }
  }

  /** Removes the TXT sets of these certificate names ({@code *.} stripped); gone ones are fine. */
  void withdraw(List<String> names) {
    for (String owner : names.stream().map(DnsChallenges::owner).distinct().toList()) {
      String zone = existingZone(owner);
      if (zone != null) {
        zones.deleteRecordSet(zone, relative(owner, zone), RecordType.TXT);
      }
    }
  }

  static String owner(String name) {
    String bare = name.toLowerCase(Locale.ROOT);
    return PREFIX + (bare.startsWith("*.") ? bare.substring(2) : bare);
  }

  private String zoneFor(String owner) {
    String zone = existingZone(owner);
    if (zone != null) {
      return zone;
    }
    if (owner.endsWith("." + sitesDomain)) {
      zones.createZone(sitesDomain);
      return sitesDomain;
    }
    throw new PermanentException(
        FailureType.NOT_FOUND,
        "No zone on this platform's DNS holds "
            + owner
            + ": DNS-01 needs the name's zone hosted here.");
  }

  /** The nearest enclosing zone the server holds (below the top-level domain), or null. */
  private String existingZone(String owner) {
    String candidate = owner.substring(owner.indexOf('.') + 1);
    while (candidate.contains(".")) {
      if (zones.zoneExists(candidate)) {
        return candidate;
      }
      candidate = candidate.substring(candidate.indexOf('.') + 1);
    }
    return null;
  }

  private static String relative(String owner, String zone) {
    return owner.substring(0, owner.length() - zone.length() - 1);
  }

  private void awaitVisible(String owner, List<String> values) {
    Instant deadline = Instant.now().plus(wait);
    List<String> seen = List.of();
    while (true) {
      seen = txt(owner);
      if (seen.containsAll(values)) {
        return;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "The TXT record "
                + owner
                + " is not visible to the DNS resolver after "
                + wait.toSeconds()
                + " s (it answers "
                + seen.size()
                + " of "
                + values.size()
                + " values)");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for " + owner, e);
      }
    }
  }

  /** What the resolver answers now; nothing while it does not answer at all. */
  private List<String> txt(String owner) {
    try {
      return lookups.texts(owner);
    } catch (DnsLookupException notYet) {
      return List.of();
    }
  }
}
