package io.berth.activities.backup;

import java.sql.Time;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads which sites should have a backup schedule, and when, from the platform database. */
public class BackupScheduleRows {

  private final JdbcClient jdbc;
  private final BackupScheduleProperties properties;

  public BackupScheduleRows(JdbcClient jdbc, BackupScheduleProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /** Every live (RUNNING or STOPPED) site with its schedule, the default where it has no row. */
  public List<SiteBackupSchedule> liveSites() {
    return jdbc.sql(
            """
            SELECT s.id, s.customer_id, bs.time_of_day, bs.time_zone, bs.enabled
              FROM site s LEFT JOIN backup_schedule bs ON bs.site_id = s.id
             WHERE s.status IN ('RUNNING', 'STOPPED')
             ORDER BY s.id
            """)
        .query(
            (rs, i) -> {
              Time time = rs.getTime("time_of_day");
              return time == null
                  ? new SiteBackupSchedule(
                      rs.getLong("id"),
                      rs.getLong("customer_id"),
                      properties.defaultTime(),
                      properties.defaultTimeZone(),
                      true)
                  : new SiteBackupSchedule(
                      rs.getLong("id"),
                      rs.getLong("customer_id"),
                      time.toLocalTime(),
                      ZoneId.of(rs.getString("time_zone")),
                      rs.getBoolean("enabled"));
            })
        .list();
  }
}
