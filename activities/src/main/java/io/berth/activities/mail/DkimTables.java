package io.berth.activities.mail;

import io.berth.activities.common.PermanentException;
import io.berth.activities.dns.RecordValidator;
import io.berth.workflows.common.FailureType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * OpenDKIM's key table and signing table as text, one domain's lines at a time. Key table line:
 * {@code berth._domainkey.example.test example.test:berth:/…/keys/example.test.private}; signing
 * table line (a {@code refile:} pattern): {@code *@example.test berth._domainkey.example.test}.
 * Other lines (other domains, comments) are kept as they are and where they are.
 */
final class DkimTables {

  private static final Pattern SELECTOR = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

  private DkimTables() {}

  /** The domain, checked to be a plain host name written canonically (nothing odd for a file). */
  static String domain(String domain) {
    return RecordValidator.hostname(domain);
  }

  static String selector(String selector) {
    if (selector == null || !SELECTOR.matcher(selector).matches()) {
      throw new PermanentException(
          FailureType.INVALID_INPUT,
          "DKIM selector '"
              + selector
              + "' must be one DNS label: lower-case letters, digits and hyphens.");
    }
    return selector;
  }

  /** The name of the key and of its TXT record, e.g. {@code berth._domainkey.example.test}. */
  static String keyName(String domain, String selector) {
    return selector(selector) + "._domainkey." + domain(domain);
  }

  static String keyTableLine(String domain, String selector, Path keyFile) {
    return keyName(domain, selector) + " " + domain + ":" + selector + ":" + keyFile;
  }

  static String signingTableLine(String domain, String selector) {
    return "*@" + domain(domain) + " " + keyName(domain, selector);
  }

  /** Whether a key table line is the domain's (its value starts with {@code <domain>:}). */
  static Predicate<String> keyTableLineOf(String domain) {
    String prefix = domain(domain) + ":";
    return line -> {
      String[] fields = fields(line);
      return fields.length >= 2 && fields[1].startsWith(prefix);
    };
  }

  /** Whether a signing table line is the domain's ({@code *@<domain>}). */
  static Predicate<String> signingTableLineOf(String domain) {
    String pattern = "*@" + domain(domain);
    return line -> {
      String[] fields = fields(line);
      return fields.length >= 1 && fields[0].equals(pattern);
    };
  }

  /**
   * The table with {@code line} as the only line {@code ours} matches: in place of the first such
   * line, or appended.
   */
  static String put(String table, Predicate<String> ours, String line) {
    List<String> out = new ArrayList<>();
    boolean placed = false;
    for (String existing : table.lines().toList()) {
      if (!ours.test(existing)) {
        out.add(existing);
      } else if (!placed) {
        out.add(line);
        placed = true;
      }
    }
    if (!placed) {
      out.add(line);
    }
    return render(out);
  }

  /** The table without the lines {@code ours} matches. */
  static String remove(String table, Predicate<String> ours) {
    return render(table.lines().filter(ours.negate()).toList());
  }

  private static String[] fields(String line) {
    String text = line.strip();
    if (text.isEmpty() || text.startsWith("#")) {
      return new String[0];
    }
    return text.split("\\s+");
  }

  private static String render(List<String> lines) {
    return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
  }
}
