package io.berth.activities.domain;

import java.util.List;
import java.util.Locale;

/**
 * The owner name of a record set as Berth stores it: relative to the zone, lower case, {@code "@"}
 * for the apex. Customers type names in many ways ({@code ""}, {@code WWW}, {@code
 * www.example.test}, {@code www.example.test.}); each of those means one stored name.
 */
final class RecordNames {

  static final String APEX = "@";

  private RecordNames() {}

  /**
   * The name relative to {@code zone}; anything that is not one of the ways above is returned as
   * typed (lower case) for the validator to explain.
   */
  static String relative(String zone, String name) {
    String text = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    String z = zone.toLowerCase(Locale.ROOT);
    if (text.isEmpty() || text.equals(APEX) || text.equals(z) || text.equals(z + ".")) {
      return APEX;
    }
    for (String suffix : List.of("." + z, "." + z + ".")) {
      if (text.endsWith(suffix) && text.length() > suffix.length()) {
        return text.substring(0, text.length() - suffix.length());
      }
    }
    return text;
  }
}
