package io.berth.panel.usage;

import java.time.Instant;

/**
 * One sample of a site's use, or an average of samples.
 *
 * @param cpuMillis thousandths of a CPU core
 * @param memoryBytes memory in use
 * @param netRxBps bytes per second received
 * @param netTxBps bytes per second sent
 * @param diskBytes the size of the site's volume
 */
public record UsagePoint(
    Instant at, int cpuMillis, long memoryBytes, long netRxBps, long netTxBps, long diskBytes) {}
