package io.berth.activities.backup;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How sites' daily backups are scheduled ({@code berth.backup.*}, also {@code
 * BERTH_BACKUP_DEFAULT_TIME} and so on).
 *
 * @param defaultTime when a site without a {@code backup_schedule} row is backed up
 * @param defaultTimeZone the zone of {@code defaultTime}
 * @param scheduleInterval when set, every schedule fires at this interval instead of daily (for
 *     tests and demos); empty in production
 * @param scheduleSync how often the worker converges the Temporal Schedules with the live sites
 */
@ConfigurationProperties("berth.backup")
public record BackupScheduleProperties(
    @DefaultValue("03:00") LocalTime defaultTime,
    @DefaultValue("UTC") ZoneId defaultTimeZone,
    Duration scheduleInterval,
    @DefaultValue("30s") Duration scheduleSync) {

  /** True when schedules fire at {@link #scheduleInterval} instead of daily. */
  public boolean interval() {
    return scheduleInterval != null && !scheduleInterval.isZero();
  }
}
