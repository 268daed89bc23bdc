package io.berth.panel.backup;

import java.time.LocalTime;

/**
 * When a site's daily backup runs: at {@code timeOfDay} in {@code timeZone}, unless paused.
 *
 * @param timeZone a {@link java.time.ZoneId} name, e.g. {@code Europe/Berlin}
 */
public record BackupSchedule(long siteId, LocalTime timeOfDay, String timeZone, boolean enabled) {}
