package io.berth.panel.backup;

import io.berth.workflows.backup.BackupKind;
import java.time.Duration;
import java.time.Instant;

/**
 * One backup as the panel and the API show it.
 *
 * @param durationMillis from start to end; null while it runs
 * @param sizeBytes what the customer downloads; null until archived
 * @param verified restored to a scratch container and found whole
 * @param failureReason why it FAILED or is CORRUPT; null otherwise
 */
public record BackupSummary(
    long id,
    long siteId,
    BackupKind kind,
    BackupStatus status,
    Instant startedAt,
    Instant finishedAt,
    Long durationMillis,
    Long sizeBytes,
    boolean verified,
    String failureReason) {

  static BackupSummary of(BackupRow row) {
    Long duration =
        row.finishedAt() == null || row.startedAt() == null
            ? null
            : Duration.between(row.startedAt(), row.finishedAt()).toMillis();
    return new BackupSummary(
        row.id(),
        row.siteId(),
        row.kind(),
        row.status(),
        row.startedAt(),
        row.finishedAt(),
        duration,
        row.sizeBytes(),
        row.status() == BackupStatus.VERIFIED,
        row.failureReason());
  }

  /** Only a verified backup is offered for download and restore. */
  public boolean restorable() {
    return verified;
  }
}
