package io.berth.activities.logs;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * The request time of an nginx {@code combined} access line: {@code [27/Nov/2026:05:00:00 +0000]}.
 */
final class AccessLogTimes {

  private static final DateTimeFormatter TIME_LOCAL =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

  private AccessLogTimes() {}

  static Optional<Instant> requestTime(String line) {
    int open = line.indexOf('[');
    int close = open < 0 ? -1 : line.indexOf(']', open);
    if (close < 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          OffsetDateTime.parse(line.substring(open + 1, close), TIME_LOCAL).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
