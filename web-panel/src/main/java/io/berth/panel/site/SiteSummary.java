package io.berth.panel.site;

import io.berth.persistence.site.Site;
import io.berth.workflows.site.SiteAction;
import io.berth.workflows.site.SiteStatus;

/** A site as its owner sees it. */
record SiteSummary(
    long id, String name, String app, SiteStatus status, String url, String failureReason) {

  static SiteSummary of(Site site, SiteUrls urls) {
    return new SiteSummary(
        site.id(),
        site.name(),
        site.app(),
        site.status(),
        urls.url(site.name()),
        site.failureReason());
  }

  /** Whether the panel offers this action now: start a stopped site, stop or restart a live one. */
  boolean offers(SiteAction action) {
    return switch (action) {
      case START -> status == SiteStatus.STOPPED;
      case STOP, RESTART -> status == SiteStatus.RUNNING;
    };
  }
}
