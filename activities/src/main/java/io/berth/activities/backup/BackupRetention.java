package io.berth.activities.backup;

import io.berth.workflows.backup.BackupKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of a site's backups its plan no longer keeps. Of the good backups (VERIFIED, or VERIFYING
 * while verification runs; scheduled and manual alike), the newest of each of the {@code dailyKeep}
 * newest days that have one stay, and the newest of each of the {@code weeklyKeep} newest ISO
 * weeks; the others go. FAILED and CORRUPT backups go once they are a day old, PRE_RESTORE backups
 * (the way back from a restore) once they are 14 days old; a RUNNING or VERIFYING backup never goes
 * (it is still being made or checked). Pure: the caller passes the time and the site's backups.
 */
public final class BackupRetention {

  static final Duration BAD_KEPT = Duration.ofDays(1);
  static final Duration PRE_RESTORE_KEPT = Duration.ofDays(14);

  private final int dailyKeep;
  private final int weeklyKeep;
  private final ZoneId zone;

  /**
   * @param zone where a day and a week begin for this site
   */
  public BackupRetention(int dailyKeep, int weeklyKeep, ZoneId zone) {
    if (dailyKeep < 1 || weeklyKeep < 0) {
      throw new IllegalArgumentException(
          "Retention keeps at least 1 daily and 0 weekly backups, not "
              + dailyKeep
              + " and "
              + weeklyKeep);
    }
    this.dailyKeep = dailyKeep;
    this.weeklyKeep = weeklyKeep;
    this.zone = zone;
  }

  /** One backup of the site as retention sees it. */
  public record Candidate(long id, BackupKind kind, String status, Instant startedAt) {}

  /** The candidates that go, oldest first. */
  public List<Candidate> expired(List<Candidate> backups, Instant now) {
    List<Candidate> newestFirst =
        backups.stream()
            .sorted(
                Comparator.comparing(Candidate::startedAt)
                    .thenComparingLong(Candidate::id)
                    .reversed())
            .toList();
    Set<Long> kept = keptGoodOnes(newestFirst);
    List<Candidate> expired = new ArrayList<>();
    for (Candidate backup : newestFirst) {
      if (goes(backup, kept, now)) {
        expired.add(backup);
      }
    }
    Collections.reverse(expired);
    return expired;
  }

  private boolean goes(Candidate backup, Set<Long> kept, Instant now) {
    Duration age = Duration.between(backup.startedAt(), now);
    return switch (backup.status()) {
      case "RUNNING", "VERIFYING", "DELETED" -> false;
      case "FAILED", "CORRUPT" -> age.compareTo(BAD_KEPT) > 0;
      default ->
          backup.kind() == BackupKind.PRE_RESTORE
              ? age.compareTo(PRE_RESTORE_KEPT) > 0
              : !kept.contains(backup.id());
    };
  }

  private Set<Long> keptGoodOnes(List<Candidate> newestFirst) {
    Map<LocalDate, Long> newestOfDay = new LinkedHashMap<>();
    Map<Long, Long> newestOfWeek = new LinkedHashMap<>();
    for (Candidate backup : newestFirst) {
      if (!isGood(backup) || backup.kind() == BackupKind.PRE_RESTORE) {
        continue;
      }
      LocalDate day = backup.startedAt().atZone(zone).toLocalDate();
      newestOfDay.putIfAbsent(day, backup.id());
      long week =
          day.get(IsoFields.WEEK_BASED_YEAR) * 100L + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
      newestOfWeek.putIfAbsent(week, backup.id());
    }
    Set<Long> kept = new HashSet<>();
    newestOfDay.values().stream().limit(dailyKeep).forEach(kept::add);
    newestOfWeek.values().stream().limit(weeklyKeep).forEach(kept::add);
    return kept;
  }

  private static boolean isGood(Candidate backup) {
    return backup.status().equals("VERIFIED") || backup.status().equals("VERIFYING");
  }
}
