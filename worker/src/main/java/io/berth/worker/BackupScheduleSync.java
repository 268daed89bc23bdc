package io.berth.worker;

import io.berth.activities.backup.BackupScheduleRows;
import io.berth.activities.backup.TemporalBackupSchedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code berth.backup.schedule-sync} (30 s), converges the Temporal Schedules {@code
 * backup-site-<siteId>} with the live sites and their {@code backup_schedule} rows. Every worker
 * runs it; the schedules' idempotent create/update makes concurrent syncs harmless.
 */
@Component
class BackupScheduleSync {

  private static final Logger log = LoggerFactory.getLogger(BackupScheduleSync.class);

  private final BackupScheduleRows rows;
  private final TemporalBackupSchedules schedules;

  BackupScheduleSync(BackupScheduleRows rows, TemporalBackupSchedules schedules) {
    this.rows = rows;
    this.schedules = schedules;
  }

  @Scheduled(fixedDelayString = "${berth.backup.schedule-sync:30s}")
  void sync() {
    try {
      schedules.sync(rows.liveSites());
    } catch (RuntimeException e) {
      log.warn("Backup schedules not synced; next try in the next round", e);
    }
  }
}
