package io.berth.worker;

import io.berth.activities.backup.BackupRecordActivitiesImpl;
import io.berth.activities.backup.BackupScheduleProperties;
import io.berth.activities.backup.BackupScheduleRows;
import io.berth.activities.backup.TemporalBackupSchedules;
import io.temporal.client.schedules.ScheduleClient;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The platform-DB side of backups ({@code backupRecordActivities} on {@code berth-control}) and the
 * sites' backup schedules, kept by {@link BackupScheduleSync} through the starter's {@link
 * ScheduleClient}.
 */
@Configuration
class BackupRecordBeans {

  @Bean
  BackupRecordActivitiesImpl backupRecordActivities(JdbcClient jdbc) {
    return new BackupRecordActivitiesImpl(jdbc, Clock.systemUTC());
  }

  @Bean
  BackupScheduleRows backupScheduleRows(JdbcClient jdbc, BackupScheduleProperties properties) {
    return new BackupScheduleRows(jdbc, properties);
  }

  @Bean
  TemporalBackupSchedules temporalBackupSchedules(
      ScheduleClient schedules, BackupScheduleProperties properties) {
    return new TemporalBackupSchedules(schedules, properties);
  }
}
