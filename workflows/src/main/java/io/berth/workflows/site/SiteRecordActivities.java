package io.berth.workflows.site;

import io.temporal.activity.ActivityInterface;

/** Platform-DB bookkeeping of sites. Runs on {@code berth-control}. */
@ActivityInterface
public interface SiteRecordActivities {

  /** Stores the site's status (and the reason when it failed). Idempotent. */
  void recordSiteStatus(long siteId, SiteStatus status, String reason);
}
