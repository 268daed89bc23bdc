package io.berth.panel.domain;

/** What the values of each record type look like, with an example, for the DNS editor. */
final class RecordHints {

  private RecordHints() {}

  static String of(String type, String zone) {
    if (type == null) {
      return null;
    }
    return switch (type) {
      case "A" -> "IPv4 addresses, e.g. 192.0.2.10";
      case "AAAA" -> "IPv6 addresses, e.g. 2001:db8::10";
      case "CNAME" -> "One target name, e.g. " + zone + ". — not at @ and not beside other records";
      case "MX" ->
          "Preference and mail server name, e.g. 10 mail." + zone + ". — a name, not an IP";
      case "TXT" -> "Text, one record per line, e.g. v=spf1 mx -all; long text is split for you";
      case "SRV" ->
          "Priority, weight, port and target, e.g. 10 5 5060 sip."
              + zone
              + ". — at a name like _sip._tcp";
      case "CAA" -> "Flags, tag and value, e.g. 0 issue \"letsencrypt.org\"";
      case "NS" -> "Name servers of a subdomain, e.g. ns1.example.net. — not at @";
      default -> null;
    };
  }
}
