package io.berth.workflows.backup;

/**
 * What the host makes one backup of: the site's volume, and its database when it has one.
 *
 * @param databaseName null when the site has no database
 */
public record BackupJob(long backupId, long siteId, long customerId, String databaseName) {}
