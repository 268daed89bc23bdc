package io.berth.panel.mail;

import io.berth.panel.account.PasswordPolicy;
import io.berth.persistence.mail.MailPasswordHashes;
import java.util.Optional;
import java.util.regex.Pattern;

/** The rules for a mailbox's password, quota and display name. */
final class MailboxRules {

  static final int MAX_DISPLAY_NAME = 100;
  static final String PASSWORD_RULES =
      PasswordPolicy.HINT
          + " At most "
          + MailPasswordHashes.MAX_BYTES
          + " bytes: the mail server reads no further.";

  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

  private MailboxRules() {}

  static Optional<String> passwordProblem(String password) {
    Optional<String> policy = PasswordPolicy.problem(password);
    if (policy.isPresent()) {
      return policy;
    }
    if (!MailPasswordHashes.fits(password)) {
      return Optional.of(
          "Use at most "
              + MailPasswordHashes.MAX_BYTES
              + " bytes: the mail server reads no further.");
    }
    return Optional.empty();
  }

  static Optional<String> quotaProblem(Integer quotaMb) {
    if (quotaMb == null) {
      return Optional.of(
          "Enter the mailbox's quota in MB, at least " + MailLimits.MIN_QUOTA_MB + ".");
    }
    if (quotaMb < MailLimits.MIN_QUOTA_MB) {
      return Optional.of("A mailbox needs a quota of at least " + MailLimits.MIN_QUOTA_MB + " MB.");
    }
    return Optional.empty();
  }

  /** The display name as stored: stripped, null when blank. */
  static String tidyDisplayName(String typed) {
    return typed == null || typed.isBlank() ? null : typed.strip();
  }

  static Optional<String> displayNameProblem(String displayName) {
    if (displayName == null) {
      return Optional.empty();
    }
    if (displayName.length() > MAX_DISPLAY_NAME) {
      return Optional.of("A display name has at most " + MAX_DISPLAY_NAME + " characters.");
    }
    if (CONTROL.matcher(displayName).find()) {
      return Optional.of("A display name is one line, without tabs or control characters.");
    }
    return Optional.empty();
  }
}
