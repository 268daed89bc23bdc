package io.berth.panel.account;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a password needs: at least 10 characters of at least two kinds (lowercase, uppercase,
 * digits, symbols), and at most 72 bytes in UTF-8, because bcrypt ignores everything after that.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 10;
  public static final int MAX_BYTES = 72;
  public static final String HINT =
      "At least " + MIN_LENGTH + " characters, mixing letters with digits or symbols.";

  private PasswordPolicy() {}

  /** Why the password is not acceptable, in words the customer can act on; empty if fine. */
  public static Optional<String> problem(String password) {
    if (password == null || password.isEmpty()) {
      return Optional.of("Enter a password.");
    }
    if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
      return Optional.of("Use at least " + MIN_LENGTH + " characters.");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return Optional.of(
          "Use at most "
              + MAX_BYTES
              + " bytes: about "
              + MAX_BYTES
              + " plain letters, fewer with accents or emoji.");
    }
    if (kinds(password) < 2) {
      return Optional.of(
          "Mix at least two kinds of characters: lowercase, uppercase, digits, symbols.");
    }
    return Optional.empty();
  }

  private static int kinds(String password) {
    boolean lower = false;
    boolean upper = false;
    boolean digit = false;
    boolean other = false;
    for (int cp : password.codePoints().toArray()) {
      if (Character.isLowerCase(cp)) {
        lower = true;
      } else if (Character.isUpperCase(cp)) {
        upper = true;
      } else if (Character.isDigit(cp)) {
        digit = true;
      } else {
        other = true;
      }
    }
    return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
  }
}
