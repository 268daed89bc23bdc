package io.berth.panel.domain;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The words the domain pages use for a DNS check. */
final class DomainFormat {

  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  private DomainFormat() {}

  /** One line for a domain card: "DNS seen ✓ · checked 2026-11-26 13:00". */
  static String dnsSummary(DnsLook dns) {
    if (!dns.checked()) {
      return "DNS not checked yet";
    }
    return (dns.seen() ? "DNS seen ✓" : "DNS not seen ✗")
        + " · checked "
        + WHEN.format(dns.checkedAt());
  }

  /**
   * The DNS check on the domain's page: what was found, what is expected and when it was looked at.
   */
  static String dnsCheck(DnsLook dns) {
    if (!dns.checked()) {
      return "DNS has not been checked yet.";
    }
    String when = " · checked " + WHEN.format(dns.checkedAt());
    if (dns.seen()) {
      return "✓ DNS points here: found " + orNothing(dns.found()) + when;
    }
    return "✗ DNS does not point here yet: found "
        + orNothing(dns.found())
        + ", expected "
        + orNothing(dns.expected())
        + when;
  }

  private static String orNothing(String text) {
    return text == null || text.isBlank() ? "nothing" : text;
  }
}
