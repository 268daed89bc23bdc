package io.berth.panel.backup;

import io.berth.panel.common.InvalidInputException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What a backup schedule accepts: a time {@code HH:mm} and a time zone id Java knows. */
final class ScheduleRules {

  private static final DateTimeFormatter HH_MM =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

  private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

  private ScheduleRules() {}

  /** Every time zone id offered in the panel, sorted. */
  static List<String> zones() {
    return ZONES.stream().sorted().toList();
  }

  static LocalTime time(String text) {
    if (text == null || text.isBlank()) {
      throw InvalidInputException.of(BackupService.TIME_FIELD, BackupService.BAD_TIME);
    }
    try {
      return LocalTime.parse(text.strip(), HH_MM);
    } catch (DateTimeParseException e) {
      throw InvalidInputException.of(BackupService.TIME_FIELD, BackupService.BAD_TIME);
    }
  }

  static String zone(String text) {
    String zone = text == null ? "" : text.strip();
    if (!ZONES.contains(zone)) {
      throw InvalidInputException.of(
          BackupService.ZONE_FIELD,
          (zone.isEmpty() ? "Choose a time zone" : "\"" + zone + "\" is not a time zone we know")
              + ", e.g. Europe/Berlin or UTC.");
    }
    return zone;
  }

  static String format(LocalTime time) {
    return HH_MM.format(time);
  }
}
