package io.berth.activities.docker;

/**
 * The worker could not talk to its Docker engine at all (socket missing, connection refused, no
 * answer in time). Transient: Temporal retries until the engine is back.
 */
public class EngineUnreachableException extends DockerEngineException {

  public EngineUnreachableException(String message) {
    super(message);
  }

  /** The cause is kept for support (Temporal shows it apart from the message). */
  public EngineUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
