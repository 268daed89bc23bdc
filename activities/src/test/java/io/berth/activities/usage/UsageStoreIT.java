package io.berth.activities.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.activities.testing.PlatformDatabase;
import io.berth.activities.testing.PlatformRows;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Usage rows on the real platform schema in a fresh PostgreSQL database. */
class UsageStoreIT {

  private static final Instant TEN = Instant.parse("2026-11-20T10:00:00Z");

  private JdbcClient jdbc;
  private UsageStore store;
  private long site;

  @BeforeEach
  void freshDatabase() throws Exception {
    PGSimpleDataSource db = new PGSimpleDataSource();
    db.setUrl(PlatformDatabase.create("berth_usage_store_it"));
    db.setUser("berth");
    db.setPassword("berth");
    jdbc = JdbcClient.create(db);
    store = new UsageStore(jdbc);
    PlatformRows rows = new PlatformRows(jdbc);
    site = rows.site(rows.customer(), PlatformRows.uniqueName("u"), "static", "Usage", 21000);
  }

  @Test
  void givenTheSameInstantTwice_whenInserting_itKeepsOneRow() {
    UsageSample sample = new UsageSample(site, TEN, 120, 1000, 10, 20, 5000);

    assertThat(store.insertRaw(sample)).isTrue();
    assertThat(store.insertRaw(new UsageSample(site, TEN, 999, 1, 1, 1, 1))).isFalse();

    assertThat(rows("RAW")).containsExactly(sample);
  }

  @Test
  void givenASiteWithoutARow_whenInserting_itWritesNothing() {
    assertThat(store.insertRaw(new UsageSample(site + 1_000_000, TEN, 1, 1, 1, 1, 1))).isFalse();

    assertThat(rows("RAW")).isEmpty();
    assertThat(store.knownSites(List.of(site, site + 1_000_000))).containsExactly(site);
  }

  @Test
  void givenRawSamples_whenRollingUp_itAveragesCompletedMinutesAndHours() {
    List<UsageSample> minute0 = new ArrayList<>();
    List<UsageSample> minute1 = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      minute0.add(raw(TEN.plusSeconds(10L * i), 100 + 7 * i, 1_000_000L + 333 * i, 50 * i));
      minute1.add(raw(TEN.plusSeconds(60 + 10L * i), 400 + 11 * i, 3_000_000L - 1001 * i, 7 * i));
    }
    UsageSample late = raw(TEN.plusSeconds(125), 801, 9_000_000, 999);
    minute0.forEach(store::insertRaw);
    minute1.forEach(store::insertRaw);
    store.insertRaw(late);

    store.rollUp(TEN.plusSeconds(150));

    UsageSample expected0 = average(TEN, minute0);
    UsageSample expected1 = average(TEN.plusSeconds(60), minute1);
    assertThat(rows("MINUTE"))
        .as("the minute still running is left")
        .containsExactly(expected0, expected1);
    assertThat(rows("HOUR")).as("the hour still running is left").isEmpty();

    store.rollUp(TEN.plusSeconds(180));
    store.rollUp(TEN.plus(Duration.ofMinutes(60)).plusSeconds(30));

    UsageSample expected2 = average(TEN.plusSeconds(120), List.of(late));
    assertThat(rows("MINUTE")).containsExactly(expected0, expected1, expected2);
    assertThat(rows("HOUR"))
        .containsExactly(average(TEN, List.of(expected0, expected1, expected2)));
  }

  @Test
  void givenARollupDone_whenRollingUpAgain_itLeavesTheSameRows() {
    for (int i = 0; i < 30; i++) {
      store.insertRaw(raw(TEN.plusSeconds(10L * i), 17 * i % 500, 5_000_000L + 97 * i, i));
    }
    Instant now = TEN.plus(Duration.ofMinutes(60)).plusSeconds(5);
    store.rollUp(TEN.plus(Duration.ofMinutes(5)).plusSeconds(1));
    store.rollUp(now);
    List<UsageSample> minutes = rows("MINUTE");
    List<UsageSample> hours = rows("HOUR");

    int changed = store.rollUp(now);

    assertThat(changed).isZero();
    assertThat(minutes).hasSize(5);
    assertThat(hours).hasSize(1);
    assertThat(rows("MINUTE")).isEqualTo(minutes);
    assertThat(rows("HOUR")).isEqualTo(hours);
  }

  @Test
  void givenOldRows_whenPruning_itKeepsTwoHoursOfRawTwoDaysOfMinutesAndThirtyFiveDaysOfHours() {
    Instant now = Instant.parse("2026-11-27T06:00:00Z");
    insert("RAW", now.minus(Duration.ofHours(2)).minusSeconds(1));
    insert("RAW", now.minus(Duration.ofHours(2)).plusSeconds(1));
    insert("MINUTE", now.minus(Duration.ofDays(2)).minusSeconds(60));
    insert("MINUTE", now.minus(Duration.ofDays(2)).plusSeconds(60));
    insert("HOUR", now.minus(Duration.ofDays(35)).minus(Duration.ofHours(1)));
    insert("HOUR", now.minus(Duration.ofDays(35)).plus(Duration.ofHours(1)));

    int deleted = store.prune(now);

    assertThat(deleted).isEqualTo(3);
    assertThat(times())
        .containsOnly(
            Map.entry("RAW", now.minus(Duration.ofHours(2)).plusSeconds(1)),
            Map.entry("MINUTE", now.minus(Duration.ofDays(2)).plusSeconds(60)),
            Map.entry("HOUR", now.minus(Duration.ofDays(35)).plus(Duration.ofHours(1))));
  }

  private UsageSample raw(Instant at, int cpu, long memory, long rx) {
    return new UsageSample(site, at, cpu, memory, rx, rx * 2, 40_000_000L + rx);
  }

  /** What the database should hold for a bucket: each column's mean, rounded half up. */
  private UsageSample average(Instant bucket, List<UsageSample> samples) {
    return new UsageSample(
        site,
        bucket,
        (int) mean(samples.stream().mapToLong(UsageSample::cpuMillis).toArray()),
        mean(samples.stream().mapToLong(UsageSample::memoryBytes).toArray()),
        mean(samples.stream().mapToLong(UsageSample::netRxBps).toArray()),
        mean(samples.stream().mapToLong(UsageSample::netTxBps).toArray()),
        mean(samples.stream().mapToLong(UsageSample::diskBytes).toArray()));
  }

  private static long mean(long[] values) {
    long sum = 0;
    for (long value : values) {
      sum += value;
    }
    return Math.round((double) sum / values.length);
  }

  private void insert(String resolution, Instant at) {
    jdbc.sql(
            """
            INSERT INTO usage_sample (site_id, resolution, at, cpu_millis, memory_bytes,
                                      net_rx_bps, net_tx_bps, disk_bytes)
            VALUES (:site, :resolution, :at, 1, 1, 1, 1, 1)
            """)
        .param("site", site)
        .param("resolution", resolution)
        .param("at", at.atOffset(java.time.ZoneOffset.UTC))
        .update();
  }

  private List<Map.Entry<String, Instant>> times() {
    return jdbc
        .sql("SELECT resolution, at FROM usage_sample ORDER BY at")
        .query(
            (rs, n) ->
                Map.entry(
                    rs.getString("resolution"),
                    rs.getObject("at", OffsetDateTime.class).toInstant()))
        .list()
        .stream()
        .collect(Collectors.toList());
  }

  private List<UsageSample> rows(String resolution) {
    return jdbc.sql(
            """
            SELECT * FROM usage_sample WHERE site_id = :site AND resolution = :resolution
             ORDER BY at
            """)
        .param("site", site)
        .param("resolution", resolution)
        .query(
            (rs, n) ->
                new UsageSample(
                    rs.getLong("site_id"),
                    rs.getObject("at", OffsetDateTime.class).toInstant(),
                    rs.getInt("cpu_millis"),
                    rs.getLong("memory_bytes"),
                    rs.getLong("net_rx_bps"),
                    rs.getLong("net_tx_bps"),
                    rs.getLong("disk_bytes")))
        .list();
  }
}
