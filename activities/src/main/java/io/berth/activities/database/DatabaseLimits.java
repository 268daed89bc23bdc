package io.berth.activities.database;

/**
 * Resources of a customer's database server container.
 *
 * @param cpuMillis CPU in thousandths of a core (500 = half a core)
 * @param memoryMb memory limit in MiB (no swap on top)
 */
public record DatabaseLimits(int cpuMillis, int memoryMb) {

  /** Below this MariaDB cannot start with the image's settings. */
  public static final int MIN_MEMORY_MB = 96;

  public static final int MIN_CPU_MILLIS = 50;

  public long nanoCpus() {
    return cpuMillis * 1_000_000L;
  }

  public long memoryBytes() {
    return memoryMb * 1024L * 1024L;
  }
}
