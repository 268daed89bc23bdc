package io.berth.workflows.domain;

import java.time.Duration;

/**
 * How long a domain waits for DNS: the first re-check after {@code firstInterval}, each next one
 * twice as late up to {@code maxInterval}, giving up {@code giveUpAfter} after the wait began.
 */
public record DnsWaitPolicy(Duration firstInterval, Duration maxInterval, Duration giveUpAfter) {

  public static final DnsWaitPolicy DEFAULT =
      new DnsWaitPolicy(Duration.ofMinutes(5), Duration.ofHours(3), Duration.ofDays(7));

  /** The pause after the {@code checks}-th failed check (1-based). */
  public Duration intervalAfter(int checks) {
    Duration interval = firstInterval;
    for (int i = 1; i < checks && interval.compareTo(maxInterval) < 0; i++) {
      interval = interval.multipliedBy(2);
    }
    return interval.compareTo(maxInterval) > 0 ? maxInterval : interval;
  }
}
