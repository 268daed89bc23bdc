package io.berth.panel.backup;

import io.berth.workflows.backup.BackupKind;
import java.time.Instant;

/**
 * One {@code backup} row, as far as the panel reads it.
 *
 * @param hostId the host that stores the archive; null until the workflow has placed it
 * @param sizeBytes the whole backup as stored; null until archived
 */
public record BackupRow(
    long id,
    long siteId,
    long customerId,
    BackupKind kind,
    BackupStatus status,
    String workflowId,
    String hostId,
    Long sizeBytes,
    Instant startedAt,
    Instant finishedAt,
    String failureReason) {}
