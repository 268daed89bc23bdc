package io.berth.activities.logs;

import java.time.Duration;

/**
 * A log being followed: lines go to its {@link LineSink} until the log ends (the container is
 * gone), the sink throws (its reader went away) or it is closed. Closing releases the stream or
 * file and ends the thread that read it.
 */
public interface LogFollow extends AutoCloseable {

  /**
   * Waits for the follow to end.
   *
   * @return true when it has ended, false when {@code timeout} passed first
   */
  boolean awaitEnd(Duration timeout) throws InterruptedException;

  /** Stops following; idempotent. */
  @Override
  void close();
}
