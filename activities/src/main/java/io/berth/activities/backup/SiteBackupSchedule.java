package io.berth.activities.backup;

import java.time.LocalTime;
import java.time.ZoneId;

/**
 * When one live site is backed up: its {@code backup_schedule} row, or the default time.
 *
 * @param enabled false when the customer paused the daily backups
 */
public record SiteBackupSchedule(
    long siteId, long customerId, LocalTime timeOfDay, ZoneId timeZone, boolean enabled) {}
