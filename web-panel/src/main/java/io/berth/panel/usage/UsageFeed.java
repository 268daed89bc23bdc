package io.berth.panel.usage;

import io.berth.panel.ui.LiveFeed;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Live Usage pages: one poller per watched site and range re-reads its usage while someone watches
 * (every {@code berth.panel.usage-refresh-interval}, the samplers' 10 s) and pushes it to every
 * page showing it when anything changed. A watch is keyed by {@link #key(long, UsageRange)}.
 */
@Component
public class UsageFeed extends LiveFeed<UsageSummary> {

  private static final int RANGES = UsageRange.values().length;

  UsageFeed(
      UsageService usage, @Value("${berth.panel.usage-refresh-interval:10s}") Duration interval) {
    super(
        "usage",
        key -> usage.snapshot(key / RANGES, UsageRange.values()[(int) (key % RANGES)]),
        interval);
  }

  /** The feed's key for one site over one range. */
  public static long key(long siteId, UsageRange range) {
    return siteId * RANGES + range.ordinal();
  }
}
