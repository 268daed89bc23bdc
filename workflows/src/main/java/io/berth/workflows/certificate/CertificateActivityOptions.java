package io.berth.workflows.certificate;

import io.berth.workflows.common.ActivityStubs;
import io.berth.workflows.common.TaskQueues;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * Activity options for talking to the ACME CA. Ordering and finalizing cross the network to the CA
 * (and finalizing may wait for it to sign), so they get a minute instead of the control queue's
 * usual 15 s; validation polls the CA until every authorization is decided, heartbeating, so a
 * worker that dies mid-poll is noticed within the heartbeat timeout and the poll resumes elsewhere.
 * Transient faults (CA unreachable) are retried at most every minute so a CA outage is not
 * hammered; failures the adapter marks non-retryable end the attempt at once.
 */
final class CertificateActivityOptions {

  static final Duration CA_CALL_TIMEOUT = Duration.ofSeconds(60);
  static final Duration VALIDATION_TIMEOUT = Duration.ofMinutes(3);
  static final Duration VALIDATION_HEARTBEAT = Duration.ofSeconds(30);

  private CertificateActivityOptions() {}

  /** Placing and finalizing orders. */
  static ActivityOptions caCall() {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.CONTROL)
        .setStartToCloseTimeout(CA_CALL_TIMEOUT)
        .setRetryOptions(caRetries())
        .build();
  }

  /** Waiting for the CA to validate an order's challenges. */
  static ActivityOptions validation() {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.CONTROL)
        .setStartToCloseTimeout(VALIDATION_TIMEOUT)
        .setHeartbeatTimeout(VALIDATION_HEARTBEAT)
        .setRetryOptions(caRetries())
        .build();
  }

  /** Platform-DB and DNS work on the control queue. */
  static ActivityOptions control() {
    return ActivityStubs.control();
  }

  private static RetryOptions caRetries() {
    return RetryOptions.newBuilder()
        .setInitialInterval(Duration.ofSeconds(1))
        .setMaximumInterval(Duration.ofMinutes(1))
        .build();
  }
}
