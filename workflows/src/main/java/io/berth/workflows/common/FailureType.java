package io.berth.workflows.common;

/**
 * Types of non-retryable {@code ApplicationFailure}s raised by activities. The customer sees the
 * failure's message; support sees the type in the Temporal UI.
 */
public enum FailureType {
  /** The request can never succeed as given (bad name, unknown app, …). */
  INVALID_INPUT,
  /** Something the step needs does not exist and will not appear by retrying (image, record). */
  NOT_FOUND,
  /** The object exists and belongs to someone else. */
  CONFLICT,
  /** The site did not become healthy in time. */
  UNHEALTHY,
  /** The platform has run out of something (ports, hosts). */
  EXHAUSTED,
  /**
   * An outside service refused because a rate limit was hit (the ACME CA's {@code rateLimited}):
   * the caller waits its longest backoff before trying again.
   */
  RATE_LIMITED;

  public String type() {
    return name();
  }
}
