package io.berth.panel.backup;

import io.berth.workflows.progress.Step;
import java.util.List;

/**
 * Everything the Backups page shows that changes while it is open; compared with {@code equals} so
 * a page is only redrawn when something visible changed.
 *
 * @param backups the site's backups, newest first
 * @param running the backup in progress, if any (null otherwise)
 * @param runningSteps its workflow's steps; empty when none runs or they could not be read
 * @param progressAvailable false when the workflow service could not be asked
 * @param latestRestore the newest restore into the site; null if it never had one
 */
public record SiteBackups(
    long siteId,
    String siteName,
    List<BackupSummary> backups,
    BackupSummary running,
    List<Step> runningSteps,
    boolean progressAvailable,
    RestoreSummary latestRestore) {

  public SiteBackups {
    backups = List.copyOf(backups);
    runningSteps = List.copyOf(runningSteps);
  }
}
