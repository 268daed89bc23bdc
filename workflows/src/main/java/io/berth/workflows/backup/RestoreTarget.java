package io.berth.workflows.backup;

import io.berth.workflows.site.RouteSpec;

/**
 * One restore as the platform knows it: which backup goes into which site.
 *
 * @param archive the backup to restore (VERIFIED, on the target's host)
 * @param targetHostId the host of the target site, whose queue restores
 * @param targetDatabaseName the target site's database; null when it has none (the dump, if any, is
 *     then not restored)
 * @param route the target site's route, for the health check after the swap
 */
public record RestoreTarget(
    long restoreId,
    BackupArchive archive,
    long targetSiteId,
    long targetCustomerId,
    String targetHostId,
    String targetDatabaseName,
    RouteSpec route) {

  public RestoreJob job() {
    return new RestoreJob(restoreId, archive, targetSiteId, targetCustomerId, targetDatabaseName);
  }
}
