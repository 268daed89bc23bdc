package io.berth.workflows.backup;

import io.temporal.activity.ActivityInterface;

/**
 * Backups and restores on the site's Docker host ({@code berth-host-<hostId>}). Every method is
 * idempotent: a repeated call finds the archive, the scratch container, the staged data or the swap
 * an earlier attempt made or finished, and converges. Work in progress is named after the backup or
 * restore id, so a worker killed mid-call leaves nothing a retry cannot pick up or clean.
 */
@ActivityInterface
public interface BackupHostActivities {

  /**
   * Archives the site's volume (tar + gzip, read-only, ownership and modes kept) and, when the job
   * names a database, dumps it with {@code mariadb-dump} inside the customer's database container;
   * writes both with a manifest (checksums, file count, the tables and their row counts) into the
   * storage. Returns what was stored; if a complete backup of this id is already stored, returns it
   * unchanged.
   */
  BackupArchive createBackup(BackupJob job);

  /**
   * Checks the stored checksums, then restores the backup into a scratch container (files into a
   * scratch volume, the dump into a scratch MariaDB) and compares what came back with the manifest;
   * removes the scratch objects. A mismatch is a failed {@link Verification}, not an exception.
   */
  Verification verifyBackup(BackupArchive archive);

  /** Removes the backup from the storage; no-op when it is gone. */
  void deleteBackup(String location);

  /**
   * Recomputes the stored parts' checksums right before a restore.
   *
   * @throws io.temporal.failure.ApplicationFailure non-retryable when a part is missing or its
   *     checksum differs: a corrupt archive is never restored
   */
  void checkArchive(BackupArchive archive);

  /**
   * Extracts the files into a staging directory inside the target site's volume and loads the dump
   * into a staging database on the customer's server; the live site keeps running untouched.
   */
  void stageRestore(RestoreJob job);

  /**
   * Stops the target's container, moves the live files aside and the staged ones into place, swaps
   * the staged tables in for the live ones (the live ones kept aside), and starts the container
   * again if it was running. The site is stopped only for these renames.
   */
  void swapInRestore(RestoreJob job);

  /** After a healthy swap: removes the files and tables that were moved aside. */
  void finishRestore(RestoreJob job);

  /**
   * Compensation: puts the live files and tables back where a partial swap moved them from, drops
   * the staged data, and leaves the container running if it was. No-op when nothing was changed.
   */
  void rollbackRestore(RestoreJob job);
}
