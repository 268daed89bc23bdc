package io.berth.workflows.common;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * Activity options shared by the journeys. Transient faults (an engine that is down, a database
 * restart) are retried without limit and with a capped backoff, so the panel shows "retrying" until
 * the cause is fixed; failures an adapter marks non-retryable end the step at once.
 */
public final class ActivityStubs {

  private ActivityStubs() {}

  /** Platform-DB bookkeeping and placement on {@code berth-control}. */
  public static ActivityOptions control() {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.CONTROL)
        .setStartToCloseTimeout(Duration.ofSeconds(15))
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofMillis(200))
                .setMaximumInterval(Duration.ofSeconds(10))
                .build())
        .build();
  }

  /** The mail servers' files, beside Postfix, Dovecot and OpenDKIM. */
  public static ActivityOptions mail() {
    return ActivityOptions.newBuilder(control()).setTaskQueue(TaskQueues.MAIL).build();
  }

  /** Docker and proxy changes on the site's host. */
  public static ActivityOptions host(String hostId) {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.host(hostId))
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofMillis(500))
                .setMaximumInterval(Duration.ofSeconds(10))
                .build())
        .build();
  }

  /**
   * Health checks: polled quickly while the app starts, then given up after about a minute so a
   * site that never answers fails and is cleaned up.
   */
  public static ActivityOptions health(String hostId) {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.host(hostId))
        .setStartToCloseTimeout(Duration.ofSeconds(10))
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofMillis(100))
                .setBackoffCoefficient(1.3)
                .setMaximumInterval(Duration.ofSeconds(1))
                .setMaximumAttempts(70)
                .build())
        .build();
  }
}
