package io.berth.workflows.common;

/**
 * Resource limits of a plan, applied to every container of a customer on that plan.
 *
 * @param cpuMillis CPU in thousandths of a core (500 = half a core)
 * @param memoryMb memory limit in MiB
 * @param diskMb disk quota in MiB
 * @param maxSites how many sites the plan allows
 */
public record PlanLimits(int cpuMillis, int memoryMb, int diskMb, int maxSites) {

  /** Process limit per container: generous for a web app, fatal to a fork bomb. */
  public static final int PIDS_LIMIT = 256;

  public long nanoCpus() {
    return cpuMillis * 1_000_000L;
  }

  public long memoryBytes() {
    return memoryMb * 1024L * 1024L;
  }
}
