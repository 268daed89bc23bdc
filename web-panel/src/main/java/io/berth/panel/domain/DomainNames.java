package io.berth.panel.domain;

import io.berth.panel.common.InvalidInputException;
import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rule for domain names a customer adds, checked before anything is stored: what they type is
 * tidied (spaces around it, upper case, one trailing dot) and must then be a plain registrable name
 * such as {@code example.com}: at least two labels of letters, digits and inner hyphens (RFC 1035
 * lengths), ASCII only (internationalised names in their punycode form), and not under the
 * platform's own sites domain. Every refusal says what to fix.
 */
final class DomainNames {

  static final String FIELD = "name";
  static final int MAX_LENGTH = 253;
  static final int MAX_LABEL = 63;
  static final String RULES =
      "The domain you own, e.g. example.com: no http://, no path. Internationalised names in their"
          + " punycode form (xn--…).";

  private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?");
  private static final Pattern IPV4 = Pattern.compile("[0-9]+(?:\\.[0-9]+){3}");
  private static final Pattern IPV6 = Pattern.compile("\\[?[0-9a-f.]*:[0-9a-f.]*:[0-9a-f:.]*]?");

  private DomainNames() {}

  /**
   * The name in the form it is stored and served, e.g. {@code "Example.COM."} → {@code
   * example.com}.
   *
   * @param platformDomain the parent of the platform's site addresses ({@code berth.localhost})
   * @throws InvalidInputException on field {@value #FIELD} when the name cannot be added
   */
  static String normalise(String typed, String platformDomain) {
    if (typed == null || typed.isBlank()) {
      throw problem("Enter a domain name, e.g. example.com.");
    }
    String name = typed.strip().toLowerCase(Locale.ROOT);
    if (name.contains("://") || name.startsWith("http:") || name.startsWith("https:")) {
      throw problem("Enter the domain name only, without http:// or https:// (e.g. example.com).");
    }
    if (name.chars().anyMatch(Character::isWhitespace)) {
      throw problem("A domain name has no spaces.");
    }
    if (name.contains("/") || name.contains("?") || name.contains("#")) {
      throw problem("Enter the domain name only, without a path (e.g. example.com).");
    }
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    if (IPV4.matcher(name).matches() || IPV6.matcher(name).matches()) {
      throw problem("Enter a domain name, not an IP address.");
    }
    if (name.contains(":")) {
      throw problem("Enter the domain name only, without a port (e.g. example.com).");
    }
    if (!name.chars().allMatch(c -> c < 0x80)) {
      throw problem(punycodeHint(name));
    }
    checkLabels(name);
    if (name.length() > MAX_LENGTH) {
      throw problem(
          "A domain name has at most "
              + MAX_LENGTH
              + " characters; this one has "
              + name.length()
              + ".");
    }
    String platform = platformDomain.toLowerCase(Locale.ROOT);
    if (name.equals(platform) || name.endsWith("." + platform)) {
      throw problem(
          "Names under "
              + platform
              + " are the platform's own site addresses; add a domain you own.");
    }
    return name;
  }

  private static void checkLabels(String name) {
    String[] labels = name.split("\\.", -1);
    if (labels.length < 2) {
      throw problem(
          "Enter the whole domain with its ending, e.g. "
              + name
              + ".com: \""
              + name
              + "\" alone is not a domain.");
    }
    for (String label : labels) {
      if (label.isEmpty()) {
        throw problem("A domain name cannot have two dots in a row or start with a dot.");
      }
      if (label.length() > MAX_LABEL) {
        throw problem(
            "Each part between dots has at most "
                + MAX_LABEL
                + " characters; \""
                + label.substring(0, 12)
                + "…\" has "
                + label.length()
                + ".");
      }
      if (!LABEL.matcher(label).matches()) {
        throw problem(
            "Use letters, digits and hyphens only, and no hyphen at the start or end of a part"
                + " (\""
                + label
                + "\" does not fit).");
      }
    }
    if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
      throw problem("A domain name does not end in digits; enter a name such as example.com.");
    }
  }

  private static String punycodeHint(String name) {
    try {
      return "Use the punycode form of an internationalised name: "
          + IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES)
          + " (xn--…).";
    } catch (IllegalArgumentException notConvertible) {
      return "Use the punycode form xn--… of an internationalised name; other non-ASCII"
          + " characters are not allowed.";
    }
  }

  private static InvalidInputException problem(String message) {
    return InvalidInputException.of(FIELD, message);
  }
}
