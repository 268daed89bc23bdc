package io.berth.persistence.secret;

import java.security.SecureRandom;

/**
 * Generated passwords: random characters from a URL-safe alphabet (letters, digits, {@code -} and
 * {@code _}), so they survive a shell, a connection string, an environment variable and SQL without
 * escaping. 24 characters carry 144 bits.
 */
public final class Passwords {

  public static final int LENGTH = 24;

  private static final char[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Passwords() {}

  /** A new password of {@link #LENGTH} characters. */
  public static String generate() {
    return generate(LENGTH);
  }

  /** A new password of {@code length} characters (6 bits each). */
  public static String generate(int length) {
    if (length < 1) {
      throw new IllegalArgumentException("A password has at least one character");
    }
    char[] password = new char[length];
    for (int i = 0; i < length; i++) {
      password[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(password);
  }
}
