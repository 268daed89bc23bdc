package io.berth.panel.usage;

/**
 * What a site's plan allows (network has no limit).
 *
 * @param cpuMillis thousandths of a CPU core
 * @param memoryBytes memory
 * @param diskBytes the site's disk quota
 */
public record UsageLimits(int cpuMillis, long memoryBytes, long diskBytes) {

  private static final long MIB = 1024L * 1024;

  /** The limits of a plan row, which counts memory and disk in MiB. */
  static UsageLimits ofPlan(int cpuMillis, int memoryMb, int diskMb) {
    return new UsageLimits(cpuMillis, memoryMb * MIB, diskMb * MIB);
  }
}
