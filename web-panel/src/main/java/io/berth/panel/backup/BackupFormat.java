package io.berth.panel.backup;

import io.berth.workflows.backup.BackupKind;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Backups in the words and units a customer reads. */
final class BackupFormat {

  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  private static final String[] UNITS = {"bytes", "KB", "MB", "GB", "TB"};

  private BackupFormat() {}

  /** "Daily", "Manual", "Before restore". */
  static String kind(BackupKind kind) {
    return switch (kind) {
      case SCHEDULED -> "Daily";
      case MANUAL -> "Manual";
      case PRE_RESTORE -> "Before restore";
    };
  }

  /** "Running", "Verifying", "Verified", "Failed", "Corrupt", "Deleted". */
  static String status(BackupStatus status) {
    String name = status.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /** "512 bytes", "1.5 KB", "12.3 MB", "2.0 GB" (1 KB = 1024 bytes); "—" when not known yet. */
  static String size(Long bytes) {
    if (bytes == null) {
      return "—";
    }
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return unit == 0 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
  }

  /** "850 ms", "42 s", "3 min 5 s", "1 h 2 min"; "—" while it runs. */
  static String duration(Long millis) {
    if (millis == null) {
      return "—";
    }
    if (millis < 1000) {
      return millis + " ms";
    }
    long seconds = millis / 1000;
    if (seconds < 60) {
      return seconds + " s";
    }
    if (seconds < 3600) {
      return seconds / 60 + " min " + seconds % 60 + " s";
    }
    return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
  }

  static String when(Instant instant) {
    return instant == null ? "—" : WHEN.format(instant);
  }
}
