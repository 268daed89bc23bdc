package io.berth.workflows.common;

import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;

/** Turns a failure chain into the one sentence a customer should read. */
public final class FailureReasons {

  private FailureReasons() {}

  /**
   * The message of the deepest {@link ApplicationFailure} in the chain (that is where an activity
   * said what went wrong), else the deepest message there is.
   */
  public static String of(Throwable failure) {
    String reason = null;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure app) {
        reason = app.getOriginalMessage();
      } else if (reason == null && t instanceof TemporalFailure temporal) {
        reason = temporal.getOriginalMessage();
      } else if (reason == null) {
        reason = t.getMessage();
      }
    }
    return reason == null || reason.isBlank() ? "Unknown error" : reason;
  }
}
