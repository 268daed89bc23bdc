package io.berth.workflows.backup;

/**
 * What the target site's host restores: the archive into the site's volume, the dump into its
 * database.
 *
 * @param targetDatabaseName null when the target site has no database
 */
public record RestoreJob(
    long restoreId,
    BackupArchive archive,
    long targetSiteId,
    long targetCustomerId,
    String targetDatabaseName) {}
