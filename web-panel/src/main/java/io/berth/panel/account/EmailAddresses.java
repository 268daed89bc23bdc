package io.berth.panel.account;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The sign-up rule for email addresses: one mailbox at a domain with at least one dot. */
final class EmailAddresses {

  static final int MAX_LENGTH = 254;

  private static final Pattern ADDRESS =
      Pattern.compile(
          "[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
              + "@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

  private EmailAddresses() {}

  /** Addresses are kept trimmed and in lowercase, so one person cannot sign up twice. */
  static String normalize(String email) {
    return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
  }

  /** Why the (normalized) address is not acceptable; empty if it is fine. */
  static Optional<String> problem(String email) {
    if (email == null || email.isBlank()) {
      return Optional.of("Enter your email address.");
    }
    int at = email.lastIndexOf('@');
    if (email.length() > MAX_LENGTH || at > 64 || !ADDRESS.matcher(email).matches()) {
      return Optional.of("Enter an email address like name@example.com.");
    }
    return Optional.empty();
  }
}
