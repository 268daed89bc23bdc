package io.berth.workflows.domain;

import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** In-memory control-queue side of domains: zones, record sets, DNS as the world sees it. */
class FakeDomains implements DomainActivities {

  final Map<Long, String> zones = new ConcurrentHashMap<>();
  final Map<String, DnsRecordSet> records = new ConcurrentHashMap<>();
  final Map<Long, DomainStatus> statuses = new ConcurrentHashMap<>();
  final Map<Long, String> reasons = new ConcurrentHashMap<>();
  final Map<Long, SiteEndpoint> sites = new ConcurrentHashMap<>();
  final List<Long> checkTimes = new CopyOnWriteArrayList<>();
  final AtomicInteger checks = new AtomicInteger();

  /** DNS points here from this check on (1-based); 0 = never. */
  volatile int seenFromCheck = 1;

  volatile boolean zoneCreationFails;
  volatile Long attachedSite;

  @Override
  public void createZone(long domainId) {
    if (zoneCreationFails) {
      zones.put(domainId, "half");
      throw ApplicationFailure.newNonRetryableFailure(
          "The DNS server refused zone example.test", "INVALID_INPUT");
    }
    zones.put(domainId, "example.test");
  }

  @Override
  public void ensureDefaultRecords(long domainId) {
    records.putIfAbsent("@ A", new DnsRecordSet("@", "A", 3600, List.of("127.0.0.1"), true));
    records.putIfAbsent(
        "www CNAME", new DnsRecordSet("www", "CNAME", 3600, List.of("example.test."), true));
  }

  @Override
  public DnsRecordSet applyRecordSet(long domainId, RecordSetChange change) {
    if ("MX".equals(change.type())
        && change.values().stream().anyMatch(v -> v.matches(".*\\d+\\.\\d+\\.\\d+\\.\\d+"))) {
      throw ApplicationFailure.newNonRetryableFailure(
          "An MX target must be a host name, not an IP address.", "INVALID_INPUT");
    }
    String key = change.name() + " " + change.type();
    if (change.isDelete()) {
      records.remove(key);
      return null;
    }
    DnsRecordSet set =
        new DnsRecordSet(change.name(), change.type(), change.ttl(), change.values(), false);
    records.put(key, set);
    return set;
  }

  @Override
  public DnsCheck checkDns(long domainId) {
    int n = checks.incrementAndGet();
    checkTimes.add(Activity.getExecutionContext().getInfo().getScheduledTimestamp());
    boolean seen = seenFromCheck > 0 && n >= seenFromCheck;
    return new DnsCheck(seen, seen ? "127.0.0.1" : "192.0.2.7", "127.0.0.1");
  }

  @Override
  public SiteEndpoint siteEndpoint(long domainId, long siteId) {
    SiteEndpoint endpoint = sites.get(siteId);
    if (endpoint == null) {
      throw ApplicationFailure.newNonRetryableFailure("Site " + siteId + " not found", "NOT_FOUND");
    }
    return endpoint;
  }

  @Override
  public void deleteZone(long domainId) {
    zones.remove(domainId);
    records.clear();
  }

  @Override
  public void recordDomain(long domainId, DomainStatus status, Long siteId, String reason) {
    statuses.put(domainId, status);
    attachedSite = siteId;
    if (reason != null) {
      reasons.put(domainId, reason);
    }
  }

  List<String> recordKeys() {
    return new ArrayList<>(records.keySet());
  }
}
