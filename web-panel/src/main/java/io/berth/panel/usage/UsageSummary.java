package io.berth.panel.usage;

import java.util.List;

/**
 * What the Usage page and the API show of one site over one range; compared with {@code equals} so
 * a page is redrawn only when something visible changed.
 *
 * @param points the samples or averages of the range, oldest first
 * @param current the newest raw sample, or null before the first one arrived
 * @param warnings memory or disk at 90 % of the plan's limit or more, in words
 */
public record UsageSummary(
    long siteId,
    String siteName,
    UsageRange range,
    UsageLimits limits,
    List<UsagePoint> points,
    UsagePoint current,
    List<String> warnings) {

  public UsageSummary {
    points = List.copyOf(points);
    warnings = List.copyOf(warnings);
  }
}
