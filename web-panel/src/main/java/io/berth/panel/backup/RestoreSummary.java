package io.berth.panel.backup;

import io.berth.workflows.progress.Step;
import java.util.List;

/**
 * One restore as the panel and the API show it.
 *
 * @param preRestoreBackupId the backup of the target taken just before (the way back); null until
 *     it is made
 * @param steps the restore workflow's steps; empty when they could not be read
 */
public record RestoreSummary(
    long id,
    long backupId,
    long targetSiteId,
    String targetSiteName,
    RestoreStatus status,
    Long preRestoreBackupId,
    String failureReason,
    List<Step> steps) {

  public RestoreSummary {
    steps = List.copyOf(steps);
  }
}
