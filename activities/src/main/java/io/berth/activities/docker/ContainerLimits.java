package io.berth.activities.docker;

import com.github.dockerjava.api.model.HostConfig;
import io.berth.workflows.common.PlanLimits;

/**
 * The resource limits a site container runs with, as the engine holds them: memory with swap equal
 * to it (no swap beyond memory), CPU in billionths of a core, and the process limit. These are the
 * parts of a container that the engine changes in place ({@code docker update}), so they are
 * compared with the container itself rather than through its spec hash.
 */
record ContainerLimits(long memoryBytes, long memorySwapBytes, long nanoCpus, long pidsLimit) {

  /** What a plan's limits become on a container. */
  static ContainerLimits of(PlanLimits limits) {
    return new ContainerLimits(
        limits.memoryBytes(), limits.memoryBytes(), limits.nanoCpus(), PlanLimits.PIDS_LIMIT);
  }

  /** What an existing container runs with; 0 for a limit it does not have. */
  static ContainerLimits of(HostConfig host) {
    return new ContainerLimits(
        orZero(host.getMemory()),
        orZero(host.getMemorySwap()),
        orZero(host.getNanoCPUs()),
        orZero(host.getPidsLimit()));
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }

  @Override
  public String toString() {
    return (memoryBytes / (1024 * 1024))
        + " MiB memory, "
        + (nanoCpus / 1_000_000)
        + " millicores, "
        + pidsLimit
        + " processes";
  }
}
