package io.berth.activities.database;

/**
 * The customer's database server could not do what was asked right now (still starting, busy,
 * restarting): transient, so Temporal retries. The message is meant for people and never contains a
 * password.
 */
public class DatabaseUnavailableException extends RuntimeException {

  public DatabaseUnavailableException(String message) {
    super(message);
  }

  public DatabaseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
