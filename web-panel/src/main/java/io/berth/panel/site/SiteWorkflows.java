package io.berth.panel.site;

import io.berth.workflows.site.SiteAction;
import io.berth.workflows.site.SiteStatus;
import java.util.concurrent.CompletableFuture;

/** The panel's port to the sites' entity workflows. */
interface SiteWorkflows {

  /**
   * Asks the site's workflow to start, stop or restart it. Returns once the workflow has accepted
   * the request; the future completes with the site's new status.
   *
   * @throws io.berth.panel.common.ConflictException if the workflow refuses (not provisioned yet)
   * @throws io.berth.panel.common.ServiceUnavailableException if Temporal or the worker does not
   *     answer
   */
  CompletableFuture<SiteStatus> perform(long siteId, SiteAction action);
}
