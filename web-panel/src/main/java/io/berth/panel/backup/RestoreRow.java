package io.berth.panel.backup;

import java.time.Instant;

/** One {@code restore} row: which backup goes into which site, and how it ended. */
public record RestoreRow(
    long id,
    long backupId,
    long targetSiteId,
    long customerId,
    RestoreStatus status,
    Long preRestoreBackupId,
    Instant startedAt,
    Instant finishedAt,
    String failureReason) {}
