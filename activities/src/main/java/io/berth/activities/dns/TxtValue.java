package io.berth.activities.dns;

import static io.berth.activities.dns.RecordValidator.invalid;
import static io.berth.activities.dns.RecordValidator.printable;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a TXT value as a customer writes it. A record holds character-strings of at most 255 bytes
 * each, and there are two ways to write one:
 *
 * <ul>
 *   <li>plain text, {@code v=DKIM1; k=rsa; p=MIIB…}: taken literally and split into 255-byte
 *       strings automatically;
 *   <li>quoted strings, {@code "v=spf1 -all"} or {@code "first part" "second part"}, as zone files
 *       and DNS providers print them: each quoted string is one character-string (with {@code \"},
 *       {@code \\} and {@code \DDD} escapes), so one longer than 255 bytes is refused rather than
 *       split behind the customer's back.
 * </ul>
 *
 * Only printable ASCII is accepted. The stored and displayed form of a TXT record is the quoted
 * one, which reads back to the same record.
 */
final class TxtValue {

  static final int MAX_STRING = 255;
  static final int MAX_BYTES = 4000;

  private TxtValue() {}

  /**
   * The value's character-strings, escaped as dnsjava's {@code TXTRecord} constructor reads them.
   */
  static List<String> strings(String value) {
    List<byte[]> strings = value.startsWith("\"") ? quoted(value) : plain(value);
    int total = strings.stream().mapToInt(s -> s.length).sum();
    if (total == 0) {
      throw invalid("A TXT value is empty: fill it in or remove it.");
    }
    if (total > MAX_BYTES) {
      throw invalid(
          "TXT value is "
              + total
              + " characters long: the limit is "
              + MAX_BYTES
              + ". Shorten it.");
    }
    return strings.stream().map(TxtValue::escaped).toList();
  }

  private static List<byte[]> plain(String text) {
    checkCharacters(text);
    List<byte[]> strings = new ArrayList<>();
    for (int start = 0; start < text.length(); start += MAX_STRING) {
      strings.add(bytes(text.substring(start, Math.min(text.length(), start + MAX_STRING))));
    }
    return strings;
  }

  private static List<byte[]> quoted(String value) {
    checkCharacters(value);
    List<byte[]> strings = new ArrayList<>();
    int i = 0;
    while (i < value.length()) {
      if (value.charAt(i) == ' ') {
        i++;
        continue;
      }
      if (value.charAt(i) != '"') {
        throw invalid(
            "TXT value has text outside quotes ('"
                + printable(value.substring(i))
                + "'): put every part in quotes, like \"first part\" \"second part\", or leave"
                + " all quotes out.");
      }
      ByteArrayOutputStream string = new ByteArrayOutputStream();
      i++;
      while (true) {
        if (i >= value.length()) {
          throw invalid(
              "TXT value has an opening quote without a closing one: write \"text\", or leave"
                  + " the quotes out.");
        }
        char c = value.charAt(i);
        if (c == '"') {
          i++;
          break;
        }
        if (c == '\\') {
          i = unescape(value, i, string);
        } else {
          string.write(c);
          i++;
        }
      }
      if (i < value.length() && value.charAt(i) != ' ') {
        throw invalid(
            "TXT value has text right after a closing quote ('"
                + printable(value.substring(i))
                + "'): separate quoted parts with a space, like \"first part\" \"second part\".");
      }
      byte[] bytes = string.toByteArray();
      if (bytes.length > MAX_STRING) {
        throw invalid(
            "TXT string "
                + (strings.size() + 1)
                + " is "
                + bytes.length
                + " characters long: a quoted string holds at most "
                + MAX_STRING
                + ". Split it into quoted parts, like \"first part\" \"second part\", or leave the"
                + " quotes out to have it split automatically.");
      }
      strings.add(bytes);
    }
    return strings;
  }

  /** Reads the escape at {@code value[at] == '\\'}; returns the index after it. */
  private static int unescape(String value, int at, ByteArrayOutputStream out) {
    if (at + 1 >= value.length()) {
      throw invalid("TXT value ends with a lone backslash: write \\\\ for a backslash.");
    }
    char next = value.charAt(at + 1);
    if (!Character.isDigit(next)) {
      out.write(next);
      return at + 2;
    }
    String digits = value.length() >= at + 4 ? value.substring(at + 1, at + 4) : "";
    if (!digits.matches("[0-9]{3}")
        || Integer.parseInt(digits) < 0x20
        || Integer.parseInt(digits) > 0x7e) {
      throw invalid(
          "TXT value has the escape '\\"
              + printable(value.substring(at + 1, Math.min(value.length(), at + 4)))
              + "': only printable ASCII characters (\\032 to \\126) may be escaped as digits.");
    }
    out.write(Integer.parseInt(digits));
    return at + 4;
  }

  private static void checkCharacters(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw invalid(
            "TXT value contains a control character (e.g. a line break or tab) at position "
                + (i + 1)
                + ": remove it; long values are split automatically.");
      }
      if (c > 0x7e) {
        throw invalid(
            "TXT value contains the non-ASCII character '"
                + c
                + "' at position "
                + (i + 1)
                + ": TXT records here hold ASCII text only.");
      }
    }
  }

  private static byte[] bytes(String ascii) {
    byte[] out = new byte[ascii.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) ascii.charAt(i);
    }
    return out;
  }

  /** dnsjava reads backslash escapes and quotes in these strings; keep them literal. */
  private static String escaped(byte[] string) {
    StringBuilder out = new StringBuilder(string.length);
    for (byte b : string) {
      if (b == '\\' || b == '"') {
        out.append('\\');
      }
      out.append((char) b);
    }
    return out.toString();
  }
}
