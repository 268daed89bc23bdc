package io.berth.activities.mail;

import java.util.ArrayList;
import java.util.List;

/**
 * TXT values in the quoted presentation form: a text longer than one DNS character-string (255
 * bytes) becomes several quoted chunks ({@code "first 255" "rest"}), which resolvers join back into
 * one text. Mail records hold printable ASCII only.
 */
final class TxtChunks {

  static final int MAX_CHUNK = 255;

  private TxtChunks() {}

  /** The text as quoted chunks of at most {@value #MAX_CHUNK} characters each. */
  static String quoted(String text) {
    requirePrintableAscii(text);
    List<String> chunks = new ArrayList<>();
    for (int start = 0; start < text.length(); start += MAX_CHUNK) {
      chunks.add(quote(text.substring(start, Math.min(text.length(), start + MAX_CHUNK))));
    }
    return String.join(" ", chunks);
  }

  /**
   * The one text a quoted value stands for, its chunks joined: what a DKIM or SPF checker reads,
   * whichever way the value was split.
   */
  static String text(String quoted) {
    StringBuilder out = new StringBuilder();
    boolean inside = false;
    for (int i = 0; i < quoted.length(); i++) {
      char c = quoted.charAt(i);
      if (!inside) {
        if (c == '"') {
          inside = true;
        } else if (c != ' ') {
          throw new IllegalArgumentException("Not a quoted TXT value: " + quoted);
        }
      } else if (c == '"') {
        inside = false;
      } else if (c == '\\' && i + 1 < quoted.length()) {
        i = unescape(quoted, i, out);
      } else {
        out.append(c);
      }
    }
    if (inside) {
      throw new IllegalArgumentException("Unclosed quote in TXT value: " + quoted);
    }
    return out.toString();
  }

  private static int unescape(String quoted, int at, StringBuilder out) {
    String digits = quoted.length() >= at + 4 ? quoted.substring(at + 1, at + 4) : "";
    if (digits.matches("[0-9]{3}")) {
      out.append((char) Integer.parseInt(digits));
      return at + 3;
    }
    out.append(quoted.charAt(at + 1));
    return at + 1;
  }

  private static String quote(String chunk) {
    StringBuilder out = new StringBuilder(chunk.length() + 2).append('"');
    for (char c : chunk.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.append('"').toString();
  }

  static void requirePrintableAscii(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("A TXT value cannot be empty");
    }
    for (char c : text.toCharArray()) {
      if (c < 0x20 || c > 0x7e) {
        throw new IllegalArgumentException(
            "A TXT value holds printable ASCII only, not character U+"
                + String.format("%04X", (int) c));
      }
    }
  }
}
