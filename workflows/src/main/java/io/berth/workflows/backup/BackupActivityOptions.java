package io.berth.workflows.backup;

import io.berth.workflows.common.ActivityStubs;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * Activity options for the work on a site's host that takes minutes: archiving, verifying, checking
 * an archive and staging a restore. Each attempt may run long, but the host heartbeats while it
 * works, so an attempt on a worker that was killed is noticed within the heartbeat timeout and
 * retried on the host's next worker; the activity picks up what the killed attempt left.
 */
final class BackupActivityOptions {

  static final Duration LONG_STEP_TIMEOUT = Duration.ofMinutes(30);
  static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(60);

  private BackupActivityOptions() {}

  /** Archive, verify, check, stage, swap, finish and roll back on the host. */
  static ActivityOptions longHostStep(String hostId) {
    return ActivityOptions.newBuilder(ActivityStubs.host(hostId))
        .setStartToCloseTimeout(LONG_STEP_TIMEOUT)
        .setHeartbeatTimeout(HEARTBEAT_TIMEOUT)
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(1))
                .setMaximumInterval(Duration.ofSeconds(30))
                .build())
        .build();
  }
}
