package io.berth.panel.usage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link UsageSamples} on the platform database, with {@link JdbcClient}. */
@Component
class JdbcUsageSamples implements UsageSamples {

  private static final String POINT_COLUMNS =
      "u.at, u.cpu_millis, u.memory_bytes, u.net_rx_bps, u.net_tx_bps, u.disk_bytes";

  /** The plan a site is held to: its live subscription's plan, else its order's. */
  private static final String SITE_PLAN =
      """
        FROM site s
        JOIN orders o ON o.id = s.order_id
        LEFT JOIN subscription sub ON sub.order_id = s.order_id AND sub.status <> 'TERMINATED'
        JOIN plan p ON p.id = COALESCE(sub.plan_id, o.plan_id)
      """;

  private final JdbcClient jdbc;

  JdbcUsageSamples(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<UsagePoint> since(long siteId, String resolution, Instant from) {
    return jdbc.sql(
            "SELECT "
                + POINT_COLUMNS
                + " FROM usage_sample u WHERE u.site_id = ? AND u.resolution = ? AND u.at >= ?"
                + " ORDER BY u.at")
        .params(siteId, resolution, Timestamp.from(from))
        .query(JdbcUsageSamples::point)
        .list();
  }

  @Override
  public Optional<UsagePoint> newestRaw(long siteId) {
    return jdbc.sql(
            "SELECT "
                + POINT_COLUMNS
                + " FROM usage_sample u WHERE u.site_id = ? AND u.resolution = 'RAW'"
                + " ORDER BY u.at DESC LIMIT 1")
        .param(siteId)
        .query(JdbcUsageSamples::point)
        .optional();
  }

  @Override
  public Optional<UsageLimits> limitsOf(long siteId) {
    return jdbc.sql("SELECT p.cpu_millis, p.memory_mb, p.disk_mb" + SITE_PLAN + " WHERE s.id = ?")
        .param(siteId)
        .query(JdbcUsageSamples::limits)
        .optional();
  }

  @Override
  public List<SiteUsage> newestOfCustomer(long customerId) {
    return jdbc.sql(
            "SELECT s.id AS site_id, s.name AS site_name, p.cpu_millis AS plan_cpu_millis,"
                + " p.memory_mb, p.disk_mb, "
                + POINT_COLUMNS
                + SITE_PLAN
                + """
                  JOIN LATERAL (
                    SELECT * FROM usage_sample n
                     WHERE n.site_id = s.id AND n.resolution = 'RAW'
                     ORDER BY n.at DESC LIMIT 1) u ON true
                 WHERE s.customer_id = ? AND s.status NOT IN ('CANCELLED', 'FAILED', 'DELETED')
                 ORDER BY s.id
                """)
        .param(customerId)
        .query(
            (rs, n) ->
                new SiteUsage(
                    rs.getLong("site_id"),
                    rs.getString("site_name"),
                    point(rs, n),
                    UsageLimits.ofPlan(
                        rs.getInt("plan_cpu_millis"),
                        rs.getInt("memory_mb"),
                        rs.getInt("disk_mb"))))
        .list();
  }

  private static UsagePoint point(ResultSet rs, int rowNum) throws SQLException {
    return new UsagePoint(
        rs.getTimestamp("at").toInstant(),
        rs.getInt("cpu_millis"),
        rs.getLong("memory_bytes"),
        rs.getLong("net_rx_bps"),
        rs.getLong("net_tx_bps"),
        rs.getLong("disk_bytes"));
  }

  private static UsageLimits limits(ResultSet rs, int rowNum) throws SQLException {
    return UsageLimits.ofPlan(
        rs.getInt("cpu_millis"), rs.getInt("memory_mb"), rs.getInt("disk_mb"));
  }
}
