package io.berth.workflows.backup;

/**
 * What one backup covers, as the platform knows it when the backup starts.
 *
 * @param backupId the backup's row, made (once per workflow run) by {@link
 *     BackupRecordActivities#prepareBackup}
 * @param hostId the host the site runs on; its queue makes and stores the archive
 * @param databaseName the site's MariaDB database on the customer's server (WordPress's own, or the
 *     one linked to a PHP/Node site); null when the site has none
 */
public record BackupTarget(
    long backupId,
    long siteId,
    long customerId,
    String siteName,
    String app,
    String hostId,
    String databaseName) {

  public BackupJob job() {
    return new BackupJob(backupId, siteId, customerId, databaseName);
  }
}
