package io.berth.workflows.site;

import io.temporal.activity.ActivityInterface;

/** Platform-DB bookkeeping of sites. Runs on {@code berth-control}. */
@ActivityInterface
public interface SiteRecordActivities {

  /** Stores the site's status (and the reason when it failed). Idempotent. */
  void recordSiteStatus(long siteId, SiteStatus status, String reason);

  /**
   * What the site's app needs beyond a container: for an app that needs a database of its own
   * (WordPress) that database's record is created here, once.
   */
  SitePlan planSite(long siteId);
}
