package io.berth.panel.usage;

import io.berth.panel.testing.InMemorySites;
import io.berth.panel.testing.Resettable;
import io.berth.persistence.site.Site;
import io.berth.workflows.site.SiteStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Usage samples and plan limits kept in maps, for view tests. */
public class InMemoryUsageSamples implements UsageSamples, Resettable {

  private final InMemorySites sites;
  private final Map<String, List<UsagePoint>> rows = new ConcurrentHashMap<>();
  private final Map<Long, UsageLimits> limits = new ConcurrentHashMap<>();

  InMemoryUsageSamples(InMemorySites sites) {
    this.sites = sites;
  }

  /** Stores a row as a worker's sampler or its roll-up would. */
  void add(long siteId, String resolution, UsagePoint point) {
    rows.computeIfAbsent(siteId + "/" + resolution, key -> new CopyOnWriteArrayList<>()).add(point);
  }

  /** The site's plan allows this. */
  void limit(long siteId, UsageLimits planLimits) {
    limits.put(siteId, planLimits);
  }

  @Override
  public List<UsagePoint> since(long siteId, String resolution, Instant from) {
    return rows.getOrDefault(siteId + "/" + resolution, List.of()).stream()
        .filter(point -> !point.at().isBefore(from))
        .sorted(Comparator.comparing(UsagePoint::at))
        .toList();
  }

  @Override
  public Optional<UsagePoint> newestRaw(long siteId) {
    return rows.getOrDefault(siteId + "/RAW", List.of()).stream()
        .max(Comparator.comparing(UsagePoint::at));
  }

  @Override
  public Optional<UsageLimits> limitsOf(long siteId) {
    return Optional.ofNullable(limits.get(siteId));
  }

  @Override
  public List<SiteUsage> newestOfCustomer(long customerId) {
    List<SiteUsage> found = new ArrayList<>();
    for (Site site : sites.findByCustomerIdOrderById(customerId)) {
      if (site.status() == SiteStatus.CANCELLED
          || site.status() == SiteStatus.FAILED
          || site.status() == SiteStatus.DELETED) {
        continue;
      }
      Optional<UsagePoint> newest = newestRaw(site.id());
      Optional<UsageLimits> planLimits = limitsOf(site.id());
      if (newest.isPresent() && planLimits.isPresent()) {
        found.add(new SiteUsage(site.id(), site.name(), newest.get(), planLimits.get()));
      }
    }
    return found;
  }

  @Override
  public void reset() {
    rows.clear();
    limits.clear();
  }
}
