package io.berth.workflows.billing;

import java.time.Duration;

/**
 * How long a subscription may stay unpaid.
 *
 * @param grace from a failed renewal to suspension (default 7 days)
 * @param termination from suspension (or cancellation) to removal of everything (default 30 days)
 */
public record DunningPolicy(Duration grace, Duration termination) {

  public static final DunningPolicy DEFAULT =
      new DunningPolicy(Duration.ofDays(7), Duration.ofDays(30));
}
