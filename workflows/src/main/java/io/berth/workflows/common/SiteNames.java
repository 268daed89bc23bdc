package io.berth.workflows.common;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rule for site names, checked by the panel and the API before anything starts and again by
 * every adapter before a name reaches a config file or a container label: one DNS label of 3–40
 * characters, lowercase letters, digits and inner hyphens, starting with a letter.
 */
public final class SiteNames {

  public static final int MIN_LENGTH = 3;
  public static final int MAX_LENGTH = 40;

  private static final Pattern LABEL = Pattern.compile("[a-z]([a-z0-9-]*[a-z0-9])?");
  private static final Set<String> RESERVED =
      Set.of("www", "api", "admin", "panel", "mail", "smtp", "imap", "ftp", "berth", "support");

  private SiteNames() {}

  /** Why the name is not acceptable, in words a customer can act on; empty if it is fine. */
  public static Optional<String> problem(String name) {
    if (name == null || name.isBlank()) {
      return Optional.of("Enter a site name.");
    }
    if (name.length() < MIN_LENGTH || name.length() > MAX_LENGTH) {
      return Optional.of("A site name has " + MIN_LENGTH + " to " + MAX_LENGTH + " characters.");
    }
    if (!name.equals(name.toLowerCase(java.util.Locale.ROOT))) {
      return Optional.of("Use lowercase letters only.");
    }
    if (!LABEL.matcher(name).matches()) {
      return Optional.of(
          "Use lowercase letters, digits and hyphens; start with a letter and do not end with a"
              + " hyphen.");
    }
    if (name.contains("--")) {
      return Optional.of("Two hyphens in a row are not allowed.");
    }
    if (RESERVED.contains(name)) {
      return Optional.of("\"" + name + "\" is reserved; choose another name.");
    }
    return Optional.empty();
  }

  /** Throws {@link IllegalArgumentException} with the customer-facing reason if invalid. */
  public static String require(String name) {
    problem(name)
        .ifPresent(
            p -> {
              throw new IllegalArgumentException(p);
            });
    return name;
  }
}
