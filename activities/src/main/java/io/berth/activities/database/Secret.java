package io.berth.activities.database;

import io.berth.activities.common.PermanentException;
import io.berth.workflows.common.FailureType;
import java.util.Objects;

/**
 * A password on its way to the database server. Its {@link #toString()} never shows the value, so
 * it cannot end up in a log line or a message by accident.
 *
 * <p>Only printable ASCII without spaces, 12 to 128 characters: what a generator produces, and
 * nothing that a client, a connection string or an environment variable could mangle.
 */
public final class Secret {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 128;

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /**
   * @throws PermanentException INVALID_INPUT if the password is too short, too long or has
   *     characters outside printable ASCII (the message never contains the password)
   */
  public static Secret of(String value) {
    if (value == null || value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
      throw new PermanentException(
          FailureType.INVALID_INPUT,
          "A database password must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        throw new PermanentException(
            FailureType.INVALID_INPUT,
            "A database password may only contain printable ASCII characters without spaces");
      }
    }
    return new Secret(value);
  }

  /** The password itself: only for the SQL that sets it. */
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret secret && value.equals(secret.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value);
  }

  @Override
  public String toString() {
    return "Secret[***]";
  }
}
