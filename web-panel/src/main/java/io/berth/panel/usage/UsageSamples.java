package io.berth.panel.usage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The panel's reads of {@code usage_sample}, which the workers' samplers write, and of the plan
 * limits each site is held to. Ownership is checked by the caller ({@link UsageService}).
 */
interface UsageSamples {

  /**
   * The site's rows of one resolution ({@code RAW}, {@code MINUTE}, {@code HOUR}) from then on,
   * oldest first.
   */
  List<UsagePoint> since(long siteId, String resolution, Instant from);

  /** The site's newest raw sample, if the sampler has read one (raw rows are kept two hours). */
  Optional<UsagePoint> newestRaw(long siteId);

  /** The limits of the site's plan: its live subscription's plan, else its order's. */
  Optional<UsageLimits> limitsOf(long siteId);

  /** The newest raw sample of each live site of the customer that has one, with its limits. */
  List<SiteUsage> newestOfCustomer(long customerId);

  /** A site's newest sample next to what its plan allows. */
  record SiteUsage(long siteId, String siteName, UsagePoint newest, UsageLimits limits) {}
}
