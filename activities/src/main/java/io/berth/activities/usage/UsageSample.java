package io.berth.activities.usage;

import java.time.Instant;

/**
 * One row of {@code usage_sample}: a site's use at an instant (or averaged over the minute or hour
 * starting there).
 *
 * @param cpuMillis thousandths of a core
 * @param netRxBps bytes received per second over the interval before {@code at}
 * @param netTxBps bytes sent per second over the interval before {@code at}
 */
public record UsageSample(
    long siteId,
    Instant at,
    int cpuMillis,
    long memoryBytes,
    long netRxBps,
    long netTxBps,
    long diskBytes) {}
