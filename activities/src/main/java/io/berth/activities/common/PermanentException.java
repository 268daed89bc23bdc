package io.berth.activities.common;

import io.berth.workflows.common.FailureType;

/**
 * Thrown by an adapter when retrying cannot help (bad input, missing image, …). Activities turn it
 * into a non-retryable {@code ApplicationFailure} of the same type; every other exception is
 * treated as transient and retried by Temporal.
 */
public class PermanentException extends RuntimeException {

  private final FailureType type;

  public PermanentException(FailureType type, String message) {
    super(message);
    this.type = type;
  }

  public PermanentException(FailureType type, String message, Throwable cause) {
    super(message, cause);
    this.type = type;
  }

  public FailureType type() {
    return type;
  }
}
