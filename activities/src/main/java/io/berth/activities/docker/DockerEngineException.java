package io.berth.activities.docker;

/**
 * A fault of the Docker engine that may pass (engine busy, restarting, a port still held): the
 * activity fails and Temporal retries it. The message is meant for people; it never carries a stack
 * trace or a raw HTTP body.
 */
public class DockerEngineException extends RuntimeException {

  public DockerEngineException(String message) {
    super(message);
  }

  /** The cause is kept for support (Temporal shows it apart from the message). */
  public DockerEngineException(String message, Throwable cause) {
    super(message, cause);
  }
}
