package io.berth.activities.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.activities.backup.BackupRetention.Candidate;
import io.berth.workflows.backup.BackupKind;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackupRetentionTest {

  /** A Friday. */
  private static final Instant NOW = Instant.parse("2026-11-27T05:00:00Z");

  private final BackupRetention sevenAndFour = new BackupRetention(7, 4, ZoneOffset.UTC);
  private long nextId = 1;

  @Test
  void givenDailyBackupsFor60Days_itKeepsTheLast7Days_andTheNewestOfTheLast4Weeks() {
    List<Candidate> backups = new ArrayList<>();
    for (int daysAgo = 59; daysAgo >= 0; daysAgo--) {
      backups.add(good(BackupKind.SCHEDULED, NOW.minus(Duration.ofDays(daysAgo))));
    }

    List<Candidate> expired = sevenAndFour.expired(backups, NOW);

    List<Candidate> kept = new ArrayList<>(backups);
    kept.removeAll(expired);
    assertThat(kept)
        .extracting(c -> c.startedAt().toString().substring(0, 10))
        .containsExactly(
            // the newest of ISO weeks 45 and 46; then the last 7 days, which hold the newest of
            // weeks 47 (Sunday the 22nd) and 48 (today)
            "2026-11-08",
            "2026-11-15",
            "2026-11-21",
            "2026-11-22",
            "2026-11-23",
            "2026-11-24",
            "2026-11-25",
            "2026-11-26",
            "2026-11-27");
    assertThat(expired).hasSize(51);
    assertThat(expired).isSortedAccordingTo((a, b) -> a.startedAt().compareTo(b.startedAt()));
  }

  @Test
  void onlyTheNewestBackupOfADayCounts_soAManualOneEarlierThatDayGoes() {
    Candidate morningManual = good(BackupKind.MANUAL, NOW.minus(Duration.ofHours(4)));
    Candidate nightly = good(BackupKind.SCHEDULED, NOW.minus(Duration.ofHours(1)));

    assertThat(
            new BackupRetention(1, 0, ZoneOffset.UTC).expired(List.of(morningManual, nightly), NOW))
        .containsExactly(morningManual);
  }

  @Test
  void daysAreTheSitesDays_inItsTimeZone() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    // 23:30 UTC on the 26th is already the 27th in Berlin: the same day as 05:00 UTC on the 27th.
    Candidate lateUtc = good(BackupKind.SCHEDULED, Instant.parse("2026-11-26T23:30:00Z"));
    Candidate morning = good(BackupKind.SCHEDULED, Instant.parse("2026-11-27T04:00:00Z"));

    assertThat(new BackupRetention(1, 0, berlin).expired(List.of(lateUtc, morning), NOW))
        .containsExactly(lateUtc);
    assertThat(new BackupRetention(1, 0, ZoneOffset.UTC).expired(List.of(lateUtc, morning), NOW))
        .containsExactly(lateUtc);
    assertThat(new BackupRetention(2, 0, ZoneOffset.UTC).expired(List.of(lateUtc, morning), NOW))
        .isEmpty();
  }

  @Test
  void failedAndCorruptBackupsGoAfterADay_andNeverTakeAGoodOnesPlace() {
    Candidate good = good(BackupKind.SCHEDULED, NOW.minus(Duration.ofDays(3)));
    Candidate failedOld = backup(BackupKind.SCHEDULED, "FAILED", NOW.minus(Duration.ofHours(25)));
    Candidate corruptOld = backup(BackupKind.MANUAL, "CORRUPT", NOW.minus(Duration.ofDays(2)));
    Candidate failedNew = backup(BackupKind.SCHEDULED, "FAILED", NOW.minus(Duration.ofHours(2)));

    assertThat(
            new BackupRetention(1, 0, ZoneOffset.UTC)
                .expired(List.of(good, failedOld, corruptOld, failedNew), NOW))
        .containsExactly(corruptOld, failedOld);
  }

  @Test
  void preRestoreBackupsStay14Days_outsideTheDailyCount() {
    Candidate daily = good(BackupKind.SCHEDULED, NOW.minus(Duration.ofDays(1)));
    Candidate recentWayBack = good(BackupKind.PRE_RESTORE, NOW.minus(Duration.ofDays(13)));
    Candidate oldWayBack = good(BackupKind.PRE_RESTORE, NOW.minus(Duration.ofDays(15)));
    Candidate newestWayBack = good(BackupKind.PRE_RESTORE, NOW.minus(Duration.ofMinutes(5)));

    assertThat(
            new BackupRetention(1, 0, ZoneOffset.UTC)
                .expired(List.of(daily, recentWayBack, oldWayBack, newestWayBack), NOW))
        .containsExactly(oldWayBack);
  }

  @Test
  void runningAndVerifyingBackupsNeverGo_butAVerifyingOneCountsAsTheDaysBackup() {
    Candidate oldRunning = backup(BackupKind.SCHEDULED, "RUNNING", NOW.minus(Duration.ofDays(40)));
    Candidate yesterday = good(BackupKind.SCHEDULED, NOW.minus(Duration.ofDays(1)));
    Candidate verifying = backup(BackupKind.MANUAL, "VERIFYING", NOW.minus(Duration.ofMinutes(1)));

    assertThat(
            new BackupRetention(1, 0, ZoneOffset.UTC)
                .expired(List.of(oldRunning, yesterday, verifying), NOW))
        .containsExactly(yesterday);
  }

  @Test
  void aPlanMustKeepAtLeastOneDailyBackup() {
    assertThatThrownBy(() -> new BackupRetention(0, 4, ZoneOffset.UTC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1 daily");
  }

  private Candidate good(BackupKind kind, Instant at) {
    return backup(kind, "VERIFIED", at);
  }

  private Candidate backup(BackupKind kind, String status, Instant at) {
    return new Candidate(nextId++, kind, status, at);
  }
}
