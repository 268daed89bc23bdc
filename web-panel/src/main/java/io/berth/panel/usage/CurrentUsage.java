package io.berth.panel.usage;

/**
 * The newest sample in words, one line per chart: "Now: 231 MiB of 512 MiB (45 %)". Before the
 * first sample each line says so.
 */
final class CurrentUsage {

  static final String NO_SAMPLE = "No sample yet";

  private final UsagePoint now;
  private final UsageLimits limits;

  /**
   * @param now the newest sample, or null
   */
  CurrentUsage(UsagePoint now, UsageLimits limits) {
    this.now = now;
    this.limits = limits;
  }

  String cpu() {
    if (now == null) {
      return NO_SAMPLE;
    }
    return "Now: "
        + UsageFormat.cpu(now.cpuMillis())
        + " of one core; your plan allows "
        + UsageFormat.cpu(limits.cpuMillis())
        + ".";
  }

  String memory() {
    return now == null ? NO_SAMPLE : ofLimit(now.memoryBytes(), limits.memoryBytes());
  }

  String network() {
    if (now == null) {
      return NO_SAMPLE;
    }
    return "Now: in "
        + UsageFormat.rate(now.netRxBps())
        + ", out "
        + UsageFormat.rate(now.netTxBps())
        + " (no limit).";
  }

  String disk() {
    return now == null ? NO_SAMPLE : ofLimit(now.diskBytes(), limits.diskBytes());
  }

  private static String ofLimit(long value, long limit) {
    return "Now: "
        + UsageFormat.bytes(value)
        + " of "
        + UsageFormat.bytes(limit)
        + " ("
        + UsageFormat.percent(value, limit)
        + " %).";
  }
}
