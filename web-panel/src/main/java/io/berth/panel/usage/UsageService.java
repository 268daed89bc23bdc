package io.berth.panel.usage;

import io.berth.panel.common.Caller;
import io.berth.panel.common.NotFoundException;
import io.berth.persistence.site.Site;
import io.berth.persistence.site.SiteRepository;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * What a site uses against what its plan allows, for the Usage page, its banner and the API alike.
 * The range picks the rows: the last hour from raw samples, the last day from one-minute averages,
 * the last 30 days from one-hour averages. Another customer's site is "not found".
 */
@Service
public class UsageService {

  private final SiteRepository sites;
  private final UsageSamples samples;
  private final Clock clock;

  UsageService(SiteRepository sites, UsageSamples samples, Clock clock) {
    this.sites = sites;
    this.samples = samples;
    this.clock = clock;
  }

  /**
   * The site's usage over the range, its plan's limits, its newest sample and the warnings it
   * earns.
   *
   * @throws NotFoundException when the site does not exist or is another customer's
   */
  public UsageSummary summary(Caller caller, long siteId, UsageRange range) {
    Site site =
        sites
            .findById(siteId)
            .filter(s -> caller.canSee(s.customerId()))
            .orElseThrow(() -> new NotFoundException("site", siteId));
    return read(site, range);
  }

  /** A fresh summary for a page already showing the site (whose owner it checked). */
  UsageSummary snapshot(long siteId, UsageRange range) {
    return read(
        sites.findById(siteId).orElseThrow(() -> new NotFoundException("site", siteId)), range);
  }

  /** The customer's live sites whose newest sample uses 90 % of memory or disk or more. */
  List<HighUsage> highUsageOf(long customerId) {
    return samples.newestOfCustomer(customerId).stream()
        .map(
            site ->
                new HighUsage(
                    site.siteId(), site.siteName(), UsageWarnings.of(site.newest(), site.limits())))
        .filter(site -> !site.warnings().isEmpty())
        .toList();
  }

  private UsageSummary read(Site site, UsageRange range) {
    UsageLimits limits =
        samples
            .limitsOf(site.id())
            .orElseThrow(() -> new IllegalStateException("site " + site.id() + " has no plan"));
    UsagePoint current = samples.newestRaw(site.id()).orElse(null);
    return new UsageSummary(
        site.id(),
        site.name(),
        range,
        limits,
        samples.since(site.id(), range.resolution(), clock.instant().minus(range.span())),
        current,
        UsageWarnings.of(current, limits));
  }

  /** A site over 90 % of its plan's memory or disk, with the warnings in words. */
  record HighUsage(long siteId, String siteName, List<String> warnings) {}
}
