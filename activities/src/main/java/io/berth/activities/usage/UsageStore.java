package io.berth.activities.usage;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code usage_sample} table: RAW rows as the sampler reads them, one-minute and one-hour
 * averages of completed buckets, and pruning to the retention V9 agrees on (RAW 2 hours, MINUTE 2
 * days, HOUR 35 days). Every write is idempotent: a RAW row is inserted once per site and instant,
 * a rollup run twice leaves the same rows.
 */
public final class UsageStore {

  /** How long RAW rows are kept. */
  public static final Duration RAW_KEPT = Duration.ofHours(2);

  /** How long MINUTE rows are kept. */
  public static final Duration MINUTE_KEPT = Duration.ofDays(2);

  /** How long HOUR rows are kept. */
  public static final Duration HOUR_KEPT = Duration.ofDays(35);

  /**
   * How far back each rollup recomputes minutes: a sample written just after its minute ended is
   * still averaged in by a later run.
   */
  static final Duration MINUTES_REVISITED = Duration.ofMinutes(15);

  /** How far back each rollup recomputes hours (their last minutes are averaged late too). */
  static final Duration HOURS_REVISITED = Duration.ofHours(3);

  private static final String ROLLUP =
      """
      INSERT INTO usage_sample
          (site_id, resolution, at, cpu_millis, memory_bytes, net_rx_bps, net_tx_bps, disk_bytes)
      SELECT site_id, :target, date_bin(CAST(:width AS INTERVAL), at, TIMESTAMPTZ '2000-01-01 00:00:00+00'),
             round(avg(cpu_millis)), round(avg(memory_bytes)), round(avg(net_rx_bps)),
             round(avg(net_tx_bps)), round(avg(disk_bytes))
        FROM usage_sample
       WHERE resolution = :source AND at >= :from AND at < :to
       GROUP BY site_id, 3
      ON CONFLICT (site_id, resolution, at) DO UPDATE
         SET cpu_millis = EXCLUDED.cpu_millis, memory_bytes = EXCLUDED.memory_bytes,
             net_rx_bps = EXCLUDED.net_rx_bps, net_tx_bps = EXCLUDED.net_tx_bps,
             disk_bytes = EXCLUDED.disk_bytes
       WHERE (usage_sample.cpu_millis, usage_sample.memory_bytes, usage_sample.net_rx_bps,
              usage_sample.net_tx_bps, usage_sample.disk_bytes)
             IS DISTINCT FROM
             (EXCLUDED.cpu_millis, EXCLUDED.memory_bytes, EXCLUDED.net_rx_bps,
              EXCLUDED.net_tx_bps, EXCLUDED.disk_bytes)
      """;

  private final JdbcClient jdbc;

  public UsageStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The ids among {@code siteIds} that have a site row. */
  public Set<Long> knownSites(Collection<Long> siteIds) {
    if (siteIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        jdbc.sql("SELECT id FROM site WHERE id IN (:ids)")
            .param("ids", siteIds)
            .query(Long.class)
            .list());
  }

  /** Inserts a RAW row; false when the site already has one at that instant or has no site row. */
  public boolean insertRaw(UsageSample sample) {
    return jdbc.sql(
                """
                INSERT INTO usage_sample (site_id, resolution, at, cpu_millis, memory_bytes,
                                          net_rx_bps, net_tx_bps, disk_bytes)
                SELECT id, 'RAW', :at, :cpu, :memory, :rx, :tx, :disk FROM site WHERE id = :site
                ON CONFLICT (site_id, resolution, at) DO NOTHING
                """)
            .param("site", sample.siteId())
            .param("at", utc(sample.at()))
            .param("cpu", sample.cpuMillis())
            .param("memory", sample.memoryBytes())
            .param("rx", sample.netRxBps())
            .param("tx", sample.netTxBps())
            .param("disk", sample.diskBytes())
            .update()
        == 1;
  }

  /**
   * Averages the completed minutes of RAW rows into MINUTE rows and the completed hours of MINUTE
   * rows into HOUR rows (an hour's value is the mean of its minutes), recomputing the recent ones
   * so late samples count. Buckets are aligned to UTC. Returns how many rows were written or
   * changed.
   */
  public int rollUp(Instant now) {
    Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
    Instant hour = now.truncatedTo(ChronoUnit.HOURS);
    int minutes = rollUp("RAW", "MINUTE", "1 minute", minute.minus(MINUTES_REVISITED), minute);
    int hours = rollUp("MINUTE", "HOUR", "1 hour", hour.minus(HOURS_REVISITED), hour);
    return minutes + hours;
  }

  private int rollUp(String source, String target, String width, Instant from, Instant to) {
    return jdbc.sql(ROLLUP)
        .param("source", source)
        .param("target", target)
        .param("width", width)
        .param("from", utc(from))
        .param("to", utc(to))
        .update();
  }

  /** Deletes the rows older than their resolution keeps; returns how many. */
  public int prune(Instant now) {
    return jdbc.sql(
            """
            DELETE FROM usage_sample
             WHERE (resolution = 'RAW' AND at < :raw)
                OR (resolution = 'MINUTE' AND at < :minute)
                OR (resolution = 'HOUR' AND at < :hour)
            """)
        .param("raw", utc(now.minus(RAW_KEPT)))
        .param("minute", utc(now.minus(MINUTE_KEPT)))
        .param("hour", utc(now.minus(HOUR_KEPT)))
        .update();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
