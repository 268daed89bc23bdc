package io.berth.panel.usage;

import java.util.ArrayList;
import java.util.List;

/**
 * The warnings a site earns when its newest sample uses 90 % of the plan's memory or disk or more:
 * memory above the limit gets the container killed, a full disk breaks the site.
 */
final class UsageWarnings {

  static final int THRESHOLD_PERCENT = 90;

  private UsageWarnings() {}

  /** "Memory is at 93 % of your plan's 512 MiB.", then the disk's; empty when both are fine. */
  static List<String> of(UsagePoint newest, UsageLimits limits) {
    List<String> warnings = new ArrayList<>();
    if (newest == null || limits == null) {
      return warnings;
    }
    if (isHigh(newest.memoryBytes(), limits.memoryBytes())) {
      warnings.add(
          "Memory is at "
              + UsageFormat.percent(newest.memoryBytes(), limits.memoryBytes())
              + " % of your plan's "
              + UsageFormat.bytes(limits.memoryBytes())
              + ".");
    }
    if (isHigh(newest.diskBytes(), limits.diskBytes())) {
      warnings.add(
          "Disk is at "
              + UsageFormat.percent(newest.diskBytes(), limits.diskBytes())
              + " % of your plan's "
              + UsageFormat.bytes(limits.diskBytes())
              + ": delete files or change plan.");
    }
    return warnings;
  }

  static boolean isHigh(long value, long limit) {
    return limit > 0 && value * 100 >= limit * THRESHOLD_PERCENT;
  }
}
