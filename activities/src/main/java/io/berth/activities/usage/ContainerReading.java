package io.berth.activities.usage;

/**
 * One reading of a container's resource use, as {@code docker stats} shows it.
 *
 * @param cpuMillis CPU in thousandths of a core over the engine's last reading interval
 * @param memoryBytes memory in use without the inactive file cache
 * @param rxBytes bytes received since the container started, summed over its interfaces
 * @param txBytes bytes sent since the container started, summed over its interfaces
 */
public record ContainerReading(int cpuMillis, long memoryBytes, long rxBytes, long txBytes) {}
