package io.berth.panel.mail;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for the addresses a customer makes (mailboxes, aliases) and the destinations they
 * forward to. A local part is lower-cased first: mail servers treat {@code Info@} and {@code info@}
 * alike, and Berth stores one spelling.
 */
final class MailAddresses {

  static final int MAX_LOCAL_PART = 64;

  /** RFC 5321's limit on a path (256) without its angle brackets. */
  static final int MAX_ADDRESS = 254;

  static final String LOCAL_PART_RULES =
      "Letters, digits and . - _ + (stored in lower case); no dot at the start or the end, none"
          + " twice in a row; at most "
          + MAX_LOCAL_PART
          + " characters.";

  /**
   * Local parts nobody may take, with why:
   *
   * <ul>
   *   <li>{@code mailer-daemon}: Postfix sends bounces as MAILER-DAEMON; a mailbox of that name
   *       could pass its own mail off as the server's.
   *   <li>{@code root}, {@code daemon}, {@code bin}, {@code sys}, {@code nobody}: system accounts
   *       that software mails on its own (cron, package tools); nobody should receive that mail by
   *       accident, nor send as them.
   *   <li>{@code vmail}, {@code postfix}, {@code dovecot}, {@code opendkim}: the accounts the mail
   *       servers themselves run as.
   *   <li>{@code noreply} and its spellings: by convention nobody reads them, and receivers treat
   *       mail from them as automatic, so a person's mailbox there would have its mail filtered as
   *       machine mail and the replies to it lost.
   * </ul>
   *
   * {@code postmaster} and {@code abuse} are deliberately allowed: RFC 2142 asks every mail domain
   * to have them reach a person ({@link #ROLE_ADDRESSES}).
   */
  static final Set<String> RESERVED =
      Set.of(
          "mailer-daemon",
          "root",
          "daemon",
          "bin",
          "sys",
          "nobody",
          "vmail",
          "postfix",
          "dovecot",
          "opendkim",
          "noreply",
          "no-reply",
          "donotreply",
          "do-not-reply");

  /** The addresses RFC 2142 asks every mail domain to have, suggested until they exist. */
  static final List<String> ROLE_ADDRESSES = List.of("postmaster", "abuse");

  private static final Pattern LOCAL_PART = Pattern.compile("[a-z0-9._+-]+");

  /** RFC 5322 atext and dots, for destinations anywhere (other providers allow more than Berth). */
  private static final Pattern ANY_LOCAL_PART =
      Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");

  private static final Pattern DOMAIN =
      Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

  private MailAddresses() {}

  /** What the customer typed, stripped and lower-cased; null stays null. */
  static String tidy(String typed) {
    return typed == null ? null : typed.strip().toLowerCase(Locale.ROOT);
  }

  /** What is wrong with a tidied local part, in words the customer can act on; empty if fine. */
  static Optional<String> localPartProblem(String localPart) {
    if (localPart == null || localPart.isEmpty()) {
      return Optional.of("Enter the part before the @, e.g. info.");
    }
    if (localPart.contains("@")) {
      return Optional.of("Enter only the part before the @ (info, not info@example.com).");
    }
    if (localPart.length() > MAX_LOCAL_PART) {
      return Optional.of("The part before the @ has at most " + MAX_LOCAL_PART + " characters.");
    }
    if (!LOCAL_PART.matcher(localPart).matches()) {
      return Optional.of("Use letters a to z, digits and . - _ + only.");
    }
    if (localPart.startsWith(".") || localPart.endsWith(".")) {
      return Optional.of("The part before the @ cannot start or end with a dot.");
    }
    if (localPart.contains("..")) {
      return Optional.of("The part before the @ cannot have two dots in a row.");
    }
    if (RESERVED.contains(localPart)) {
      return Optional.of(
          localPart
              + " is reserved for the mail servers and system software; choose another name.");
    }
    return Optional.empty();
  }

  /** Whether a tidied destination is a well-formed address ({@code name@example.com}). */
  static boolean isAddress(String address) {
    if (address == null || address.length() > MAX_ADDRESS) {
      return false;
    }
    int at = address.lastIndexOf('@');
    if (at <= 0 || at != address.indexOf('@')) {
      return false;
    }
    String local = address.substring(0, at);
    String domain = address.substring(at + 1);
    return local.length() <= MAX_LOCAL_PART
        && ANY_LOCAL_PART.matcher(local).matches()
        && domain.length() <= 253
        && DOMAIN.matcher(domain).matches();
  }

  /** The domain of a well-formed address. */
  static String domainOf(String address) {
    return address.substring(address.lastIndexOf('@') + 1);
  }
}
