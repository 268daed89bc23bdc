package io.berth.panel.usage;

import io.berth.panel.common.InvalidInputException;
import java.time.Duration;
import java.util.Locale;

/**
 * How far back a usage chart looks, and which rows of {@code usage_sample} it reads for that: the
 * last hour from the raw samples, the last day from one-minute averages, the last 30 days from
 * one-hour averages.
 */
public enum UsageRange {
  HOUR("Last hour", "RAW", Duration.ofHours(1), Duration.ofMinutes(15), "HH:mm"),
  DAY("Last day", "MINUTE", Duration.ofDays(1), Duration.ofHours(4), "HH:mm"),
  MONTH("Last 30 days", "HOUR", Duration.ofDays(30), Duration.ofDays(5), "d MMM");

  static final String FIELD = "range";

  private final String label;
  private final String resolution;
  private final Duration span;
  private final Duration tick;
  private final String tickPattern;

  UsageRange(String label, String resolution, Duration span, Duration tick, String tickPattern) {
    this.label = label;
    this.resolution = resolution;
    this.span = span;
    this.tick = tick;
    this.tickPattern = tickPattern;
  }

  /** {@code hour}, {@code day} or {@code month}, as the API and the page's address name it. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** "Last hour", "Last day", "Last 30 days". */
  public String label() {
    return label;
  }

  /** The {@code usage_sample.resolution} the range reads. */
  String resolution() {
    return resolution;
  }

  Duration span() {
    return span;
  }

  /** How far apart the time axis's labels are. */
  Duration tick() {
    return tick;
  }

  /** How a time label reads ({@link java.time.format.DateTimeFormatter} pattern). */
  String tickPattern() {
    return tickPattern;
  }

  /**
   * The range named {@code hour}, {@code day} or {@code month}; no name means the last hour.
   *
   * @throws InvalidInputException for any other name
   */
  public static UsageRange parse(String key) {
    if (key == null || key.isBlank()) {
      return HOUR;
    }
    for (UsageRange range : values()) {
      if (range.key().equals(key.trim().toLowerCase(Locale.ROOT))) {
        return range;
      }
    }
    throw InvalidInputException.of(
        FIELD, "The range must be hour, day or month (the last hour, day or 30 days).");
  }
}
