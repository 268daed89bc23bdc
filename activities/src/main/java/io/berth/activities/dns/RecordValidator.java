package io.berth.activities.dns;

import io.berth.activities.common.PermanentException;
import io.berth.workflows.common.FailureType;
import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.CAARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;

/**
 * Checks a record set as a registrar would before anything is sent to a name server, and builds the
 * records. Every rejection is a {@link PermanentException} of type {@code INVALID_INPUT} whose
 * message says what to fix.
 */
public final class RecordValidator {

  public static final long MIN_TTL = 60;
  public static final long MAX_TTL = 604_800;
  static final int MAX_VALUES = 100;
  static final int MAX_LABEL = 63;
  static final int MAX_NAME = 253;

  private static final Pattern HOST_LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?");
  private static final Pattern UNDERSCORE_LABEL =
      Pattern.compile("_[a-z0-9](?:[a-z0-9-]*[a-z0-9])?");
  private static final Pattern IPV4 =
      Pattern.compile(
          "(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
              + "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
  private static final Pattern LOOKS_LIKE_IPV4 = Pattern.compile("[0-9]+(?:\\.[0-9]+){3}");
  private static final Pattern LOOKS_LIKE_IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
  private static final Pattern NUMBER = Pattern.compile("[0-9]{1,10}");
  private static final Pattern CAA_PARAM =
      Pattern.compile("[A-Za-z0-9]+=[\\x21-\\x3a\\x3c-\\x7e]*");
  private static final Pattern IODEF =
      Pattern.compile("(?:mailto:[^@\\s]+@[^@\\s]+|https?://\\S+)");
  private static final Set<String> CAA_TAGS = Set.of("issue", "issuewild", "iodef");

  private RecordValidator() {}

  /**
   * A validated zone name such as {@code example.test} (at least two labels, letters, digits and
   * hyphens, punycode for IDNs), as an absolute name.
   */
  public static Name zone(String zone) {
    return domainName("Zone name", zone);
  }

  /**
   * A validated host name for a proxy route, such as {@code www.example.test}: the rules of {@link
   * #zone}, and written exactly in canonical form (lower case, no spaces around it, no trailing
   * dot), because it goes into a config file as given.
   */
  public static String hostname(String hostname) {
    String canonical = display(domainName("Host name", hostname));
    if (!canonical.equals(hostname)) {
      throw invalid(
          "Host name '"
              + printable(hostname)
              + "' must be written as '"
              + canonical
              + "': lower case, without spaces around it or a trailing dot.");
    }
    return canonical;
  }

  private static Name domainName(String what, String value) {
    String text = stripDot(checkName(what, value));
    if (text.isEmpty() || !text.contains(".")) {
      throw invalid(
          what + " '" + printable(value) + "' needs at least two labels, e.g. example.test.");
    }
    labels(what, text, false, false);
    if (text.length() > MAX_NAME) {
      throw invalid(
          what
              + " is "
              + text.length()
              + " characters long: a domain name may have at most "
              + MAX_NAME
              + ".");
    }
    return absolute(text);
  }

  /**
   * Validates a record set and builds its records.
   *
   * @param zone the zone, e.g. {@code example.test}
   * @param name the owner relative to the zone: {@code "@"} or {@code ""} for the apex
   * @param existingTypes the types that already exist at that name (used for the CNAME rules)
   */
  public static List<Record> records(
      String zone,
      String name,
      RecordType type,
      long ttl,
      List<String> values,
      Set<RecordType> existingTypes) {
    if (type == null) {
      throw invalid("Choose a record type.");
    }
    Name owner = owner(zone, name, type);
    boolean apex = owner.equals(zone(zone));
    if (ttl < MIN_TTL || ttl > MAX_TTL) {
      throw invalid(
          "TTL " + ttl + " is out of range: use " + MIN_TTL + " to " + MAX_TTL + " seconds.");
    }
    if (values == null || values.isEmpty()) {
      throw invalid(
          "Give at least one value for the " + type + " record, or delete the record set.");
    }
    if (values.size() > MAX_VALUES) {
      throw invalid(
          "A record set may hold at most "
              + MAX_VALUES
              + " values; this one has "
              + values.size()
              + ".");
    }
    String where = display(owner);
    if (type == RecordType.CNAME) {
      if (apex) {
        throw invalid(
            "A CNAME cannot be at the zone apex ("
                + where
                + "): use A/AAAA records there, or put"
                + " the CNAME on a subdomain such as www.");
      }
      if (values.size() != 1) {
        throw invalid(
            "A name can have only one CNAME target: keep one of the " + values.size() + " values.");
      }
    }
    if (type == RecordType.NS && apex) {
      throw invalid(
          "The zone's own NS records are managed by the platform: NS records are only for"
              + " delegating a subdomain (e.g. sub."
              + stripDot(zone)
              + ").");
    }
    Set<RecordType> others = new HashSet<>(existingTypes == null ? Set.of() : existingTypes);
    others.remove(type);
    if (type == RecordType.CNAME && !others.isEmpty()) {
      throw invalid(
          where
              + " already has "
              + others
              + " records: a CNAME cannot sit beside other data."
              + " Delete them first or use another name.");
    }
    if (type != RecordType.CNAME && others.contains(RecordType.CNAME)) {
      throw invalid(
          where
              + " has a CNAME: no other record can sit beside it. Delete the CNAME first or use"
              + " another name.");
    }
    List<Record> records = new ArrayList<>();
    Set<Record> seen = new HashSet<>();
    for (String value : values) {
      Record record = record(owner, type, ttl, value);
      if (!seen.add(record)) {
        throw invalid("Value '" + printable(value) + "' is listed twice: remove one.");
      }
      records.add(record);
    }
    return records;
  }

  /** The validated absolute owner name of a record set. */
  public static Name owner(String zone, String name, RecordType type) {
    Name zoneName = zone(zone);
    String relative = checkName("Record name", name == null ? "" : name.strip());
    if (relative.equals("@")) {
      relative = "";
    }
    if (relative.endsWith(".")) {
      throw invalid(
          "Record name '"
              + printable(name)
              + "' must be relative to the zone: write '"
              + stripDot(relative).replaceAll("\\.?" + Pattern.quote(stripDot(zone)) + "$", "")
              + "' (or '@' for the zone itself), without a trailing dot.");
    }
    String full = relative.isEmpty() ? stripDot(zone) : relative + "." + stripDot(zone);
    boolean underscore = type == RecordType.SRV || type == RecordType.TXT;
    boolean wildcard = type != RecordType.SRV && type != RecordType.NS;
    if (!relative.isEmpty()) {
      labels("Record name", relative, underscore, wildcard);
    }
    if (full.length() > MAX_NAME) {
      throw invalid(
          "Name '"
              + full
              + "' is "
              + full.length()
              + " characters long: a full domain name may"
              + " have at most "
              + MAX_NAME
              + ". Use a shorter record name.");
    }
    if (type == RecordType.SRV) {
      String[] parts = relative.split("\\.");
      if (parts.length < 2 || !parts[0].startsWith("_") || !parts[1].startsWith("_")) {
        throw invalid(
            "SRV records belong at a name like _service._proto (e.g. _sip._tcp or _xmpp._tcp.chat),"
                + " not at '"
                + (relative.isEmpty() ? "@" : relative)
                + "'.");
      }
    }
    Name owner = absolute(full);
    if (!owner.subdomain(zoneName)) {
      throw invalid("Name '" + full + "' is outside zone " + stripDot(zone) + ".");
    }
    return owner;
  }

  private static Record record(Name owner, RecordType type, long ttl, String raw) {
    if (raw == null) {
      throw invalid("A " + type + " value is empty: fill it in or remove it.");
    }
    String value = raw.strip();
    if (value.isEmpty()) {
      throw invalid("A " + type + " value is empty: fill it in or remove it.");
    }
    return switch (type) {
      case A -> new ARecord(owner, DClass.IN, ttl, ipv4(value));
      case AAAA -> new AAAARecord(owner, DClass.IN, ttl, ipv6(value));
      case CNAME -> new CNAMERecord(owner, DClass.IN, ttl, target("CNAME", value, true, false));
      case NS -> new NSRecord(owner, DClass.IN, ttl, target("NS", value, false, false));
      case MX -> mx(owner, ttl, value);
      case SRV -> srv(owner, ttl, value);
      case TXT -> txt(owner, ttl, value);
      case CAA -> caa(owner, ttl, value);
    };
  }

  private static InetAddress ipv4(String value) {
    noControl("A value", value);
    if (value.contains(":")) {
      throw invalid("'" + printable(value) + "' is an IPv6 address: use an AAAA record for it.");
    }
    if (!IPV4.matcher(value).matches()) {
      throw invalid(
          "'"
              + printable(value)
              + "' is not an IPv4 address: write four numbers 0-255 without"
              + " leading zeros, e.g. 192.0.2.10.");
    }
    return address(value, Address.IPv4);
  }

  private static InetAddress ipv6(String value) {
    noControl("AAAA value", value);
    if (IPV4.matcher(value).matches()) {
      throw invalid("'" + printable(value) + "' is an IPv4 address: use an A record for it.");
    }
    if (!value.contains(":") || Address.toByteArray(value, Address.IPv6) == null) {
      throw invalid(
          "'" + printable(value) + "' is not an IPv6 address: write it like 2001:db8::10.");
    }
    return address(value, Address.IPv6);
  }

  private static InetAddress address(String value, int family) {
    try {
      return InetAddress.getByAddress(Address.toByteArray(value, family));
    } catch (UnknownHostException e) {
      throw invalid("'" + printable(value) + "' is not an IP address.");
    }
  }

  private static MXRecord mx(Name owner, long ttl, String value) {
    String[] f = fields("MX", value, 2, "10 mail.example.test");
    int preference = number("MX preference", f[0], 65535);
    return new MXRecord(owner, DClass.IN, ttl, preference, target("MX", f[1], false, false));
  }

  private static SRVRecord srv(Name owner, long ttl, String value) {
    String[] f = fields("SRV", value, 4, "10 5 5060 sip.example.test");
    int priority = number("SRV priority", f[0], 65535);
    int weight = number("SRV weight", f[1], 65535);
    int port = number("SRV port", f[2], 65535);
    return new SRVRecord(
        owner, DClass.IN, ttl, priority, weight, port, target("SRV", f[3], false, true));
  }

  private static TXTRecord txt(Name owner, long ttl, String value) {
    return new TXTRecord(owner, DClass.IN, ttl, TxtValue.strings(value));
  }

  private static CAARecord caa(Name owner, long ttl, String value) {
    noControl("CAA value", value);
    String[] f = value.split("\\s+", 3);
    if (f.length != 3) {
      throw invalid(
          "CAA value '"
              + printable(value)
              + "' needs three parts: flags tag value, e.g."
              + " 0 issue \"letsencrypt.org\".");
    }
    int flags = number("CAA flags", f[0], 255);
    if (flags != 0 && flags != 128) {
      throw invalid("CAA flags must be 0 (or 128 for critical), not " + flags + ".");
    }
    String tag = f[1];
    if (!CAA_TAGS.contains(tag)) {
      throw invalid(
          "CAA tag '" + printable(tag) + "' is not supported: use issue, issuewild or iodef.");
    }
    String v = f[2];
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      v = v.substring(1, v.length() - 1).strip();
    }
    if (v.contains("\"") || v.contains("\\")) {
      throw invalid(
          "CAA value must not contain quotes or backslashes inside: write"
              + " 0 issue \"letsencrypt.org\".");
    }
    if (tag.equals("iodef")) {
      if (!IODEF.matcher(v).matches()) {
        throw invalid(
            "CAA iodef value '"
                + printable(v)
                + "' must be a mailto: or https: URL, e.g."
                + " mailto:security@example.test.");
      }
    } else if (!v.equals(";")) {
      String[] parts = v.split(";", -1);
      String issuer = parts[0].strip();
      if (issuer.isEmpty() || LOOKS_LIKE_IPV4.matcher(issuer).matches() || !issuerName(issuer)) {
        throw invalid(
            "CAA "
                + tag
                + " value '"
                + printable(v)
                + "' must name a certificate authority's"
                + " domain, e.g. letsencrypt.org (or ';' to forbid all).");
      }
      for (int i = 1; i < parts.length; i++) {
        if (!CAA_PARAM.matcher(parts[i].strip()).matches()) {
          throw invalid(
              "CAA parameter '"
                  + printable(parts[i].strip())
                  + "' must look like key=value,"
                  + " e.g. letsencrypt.org; accounturi=https://…");
        }
      }
    }
    return new CAARecord(owner, DClass.IN, ttl, flags, tag, v);
  }

  private static boolean issuerName(String name) {
    String[] labels = name.split("\\.", -1);
    if (labels.length < 2 || name.length() > MAX_NAME) {
      return false;
    }
    for (String label : labels) {
      if (label.length() > MAX_LABEL || !HOST_LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }

  private static String[] fields(String type, String value, int count, String example) {
    noControl(type + " value", value);
    String[] f = value.split("\\s+");
    if (f.length != count) {
      throw invalid(
          type
              + " value '"
              + printable(value)
              + "' needs "
              + count
              + " parts separated by"
              + " spaces, e.g. "
              + example
              + ".");
    }
    return f;
  }

  private static int number(String what, String text, int max) {
    if (!NUMBER.matcher(text).matches() || Long.parseLong(text) > max) {
      throw invalid(
          what + " '" + printable(text) + "' must be a whole number from 0 to " + max + ".");
    }
    return Integer.parseInt(text);
  }

  /** A target host name (MX, SRV, NS, CNAME): a fully qualified name, never an address. */
  private static Name target(String type, String value, boolean underscore, boolean rootAllowed) {
    String text = checkName(type + " target", value);
    if (rootAllowed && text.equals(".")) {
      return Name.root;
    }
    String bare = stripDot(text);
    if (LOOKS_LIKE_IPV4.matcher(bare).matches()
        || (bare.contains(":") && LOOKS_LIKE_IPV6.matcher(bare).matches())) {
      throw invalid(
          type
              + " target must be a host name, not an IP address ('"
              + printable(value)
              + "'):"
              + " create an A/AAAA record such as mail.example.test for that address and use its"
              + " name.");
    }
    if (!bare.contains(".")) {
      throw invalid(
          type
              + " target '"
              + printable(value)
              + "' must be a fully qualified name, e.g. "
              + bare
              + ".example.test.");
    }
    labels(type + " target", bare, underscore, false);
    if (bare.length() > MAX_NAME) {
      throw invalid(
          type
              + " target is "
              + bare.length()
              + " characters long: the limit is "
              + MAX_NAME
              + ".");
    }
    return absolute(bare);
  }

  /** Rejects nulls, control characters, spaces, ';' and non-ASCII; returns the name lower-cased. */
  private static String checkName(String what, String value) {
    if (value == null || value.isBlank()) {
      throw invalid(what + " is empty: fill it in.");
    }
    String text = value.strip();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw controlCharacter(what, text, i);
      }
      if (Character.isWhitespace(c)) {
        throw invalid(
            what
                + " '"
                + printable(text)
                + "' contains a space at position "
                + (i + 1)
                + ": names cannot contain spaces.");
      }
      if (c > 0x7e) {
        throw invalid(
            what
                + " '"
                + printable(text)
                + "' contains the non-ASCII character '"
                + c
                + "': write international names in punycode"
                + punycodeHint(text)
                + ".");
      }
      if (c == ';') {
        throw invalid(
            what
                + " '"
                + printable(text)
                + "' contains ';': names may only use"
                + " letters, digits, '-' and '.'.");
      }
    }
    return text.toLowerCase(Locale.ROOT);
  }

  private static void labels(String what, String name, boolean underscore, boolean wildcard) {
    if (name.startsWith(".") || name.contains("..")) {
      throw invalid(
          what
              + " '"
              + name
              + "' has an empty label (two dots in a row or a leading"
              + " dot): remove the extra dot.");
    }
    String[] labels = name.split("\\.");
    for (int i = 0; i < labels.length; i++) {
      String label = labels[i];
      if (label.length() > MAX_LABEL) {
        throw invalid(
            what
                + " label '"
                + label.substring(0, 20)
                + "…' is "
                + label.length()
                + " characters long: each part between dots may have at most "
                + MAX_LABEL
                + ".");
      }
      if (wildcard && i == 0 && label.equals("*")) {
        continue;
      }
      if (label.contains("_") && !underscore) {
        throw invalid(
            what
                + " '"
                + name
                + "' contains '_': underscores are only allowed in"
                + " SRV and TXT record names (e.g. _dmarc, _sip._tcp). Use '-' instead.");
      }
      if (label.startsWith("_")) {
        if (!underscore) {
          throw invalid(
              what
                  + " '"
                  + name
                  + "' contains '_': underscores are only allowed in"
                  + " SRV and TXT record names (e.g. _dmarc, _sip._tcp). Use '-' instead.");
        }
        if (UNDERSCORE_LABEL.matcher(label).matches()) {
          continue;
        }
      }
      if (label.contains("*")) {
        throw invalid(
            what
                + " '"
                + name
                + "' contains '*': a wildcard may only be the whole"
                + " first label, as in *.example.test.");
      }
      if (label.startsWith("-") || label.endsWith("-")) {
        throw invalid(
            what
                + " label '"
                + label
                + "' starts or ends with '-': labels must begin"
                + " and end with a letter or digit.");
      }
      if (!HOST_LABEL.matcher(label).matches()) {
        String bad = label.replaceAll("[a-z0-9-]", "");
        throw invalid(
            what
                + " '"
                + name
                + "' contains '"
                + (bad.isEmpty() ? label : bad.substring(0, 1))
                + "': names may only use letters a-z, digits 0-9, '-' and '.'.");
      }
    }
  }

  private static String punycodeHint(String text) {
    try {
      return ", e.g. '" + IDN.toASCII(stripDot(text), IDN.ALLOW_UNASSIGNED) + "'";
    } catch (IllegalArgumentException e) {
      return " (xn--…)";
    }
  }

  private static PermanentException controlCharacter(String what, String text, int index) {
    return invalid(
        what
            + " '"
            + printable(text)
            + "' contains a control character (e.g. a line break) at position "
            + (index + 1)
            + ": remove it.");
  }

  private static void noControl(String what, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw controlCharacter(what, value, i);
      }
      if (c > 0x7e) {
        throw invalid(
            what
                + " '"
                + printable(value)
                + "' contains the non-ASCII character '"
                + c
                + "': use ASCII (punycode for international names).");
      }
      if (c == ';' && !what.startsWith("CAA")) {
        throw invalid(what + " '" + printable(value) + "' contains ';': remove it.");
      }
    }
  }

  static String stripDot(String name) {
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }

  static String display(Name name) {
    return stripDot(name.toString());
  }

  private static Name absolute(String name) {
    try {
      return Name.fromString(name + ".");
    } catch (TextParseException e) {
      throw invalid("'" + printable(name) + "' is not a valid domain name: " + e.getMessage());
    }
  }

  /** The text with control characters shown as escapes, safe for a message or a log line. */
  static String printable(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.length() > 80 ? out.substring(0, 80) + "…" : out.toString();
  }

  static PermanentException invalid(String message) {
    return new PermanentException(FailureType.INVALID_INPUT, message);
  }
}
