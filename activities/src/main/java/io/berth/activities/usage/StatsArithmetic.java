package io.berth.activities.usage;

/**
 * The arithmetic {@code docker stats} does on the engine's raw readings, and the rates between two
 * samples, kept apart from any engine call.
 */
final class StatsArithmetic {

  private StatsArithmetic() {}

  /**
   * CPU in thousandths of a core: the container's share of the host's CPU time between the engine's
   * previous and current reading, times the host's CPUs (as {@code docker stats} computes its
   * percentage, which is this divided by ten).
   */
  static int cpuMillis(long containerDelta, long systemDelta, long onlineCpus) {
    if (containerDelta <= 0 || systemDelta <= 0 || onlineCpus <= 0) {
      return 0;
    }
    double cores = (double) containerDelta / systemDelta * onlineCpus;
    return (int) Math.min(Integer.MAX_VALUE, Math.round(cores * 1000));
  }

  /**
   * Memory in use without the page cache the kernel can drop at once, as {@code docker stats}: on
   * cgroup v1 minus {@code total_inactive_file}, on cgroup v2 minus {@code inactive_file}.
   */
  static long memoryBytes(long usage, Long totalInactiveFile, Long inactiveFile) {
    if (totalInactiveFile != null && totalInactiveFile < usage) {
      return usage - totalInactiveFile;
    }
    if (totalInactiveFile == null && inactiveFile != null && inactiveFile < usage) {
      return usage - inactiveFile;
    }
    return usage;
  }

  /**
   * Bytes per second between two readings of a counter; 0 when there is no earlier reading, no time
   * passed, or the counter went back (the container was re-created).
   */
  static long bytesPerSecond(long previous, long current, long elapsedMillis) {
    if (elapsedMillis <= 0 || current < previous) {
      return 0;
    }
    return Math.round((current - previous) * 1000.0 / elapsedMillis);
  }
}
