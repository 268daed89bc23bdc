package io.berth.panel.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How many rows of one table have each status, read with one {@code GROUP BY} and kept for a few
 * seconds, so the gauges of one scrape cost one query together.
 */
final class StatusCounts {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration kept;
  private final String query;
  private Map<String, Long> counts = Map.of();
  private Instant readAt = Instant.MIN;

  StatusCounts(JdbcClient jdbc, Clock clock, Duration kept, String table) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.kept = kept;
    this.query = "SELECT status, count(*) AS n FROM " + table + " GROUP BY status";
  }

  /** The number of rows with this status; NaN when the database cannot be read. */
  synchronized double count(String status) {
    Instant now = clock.instant();
    if (!now.isBefore(readAt.plus(kept))) {
      try {
        Map<String, Long> fresh = new HashMap<>();
        jdbc.sql(query)
            .query(
                rs -> {
                  fresh.put(rs.getString("status"), rs.getLong("n"));
                });
        counts = fresh;
        readAt = now;
      } catch (RuntimeException e) {
        return Double.NaN;
      }
    }
    return counts.getOrDefault(status, 0L);
  }
}
