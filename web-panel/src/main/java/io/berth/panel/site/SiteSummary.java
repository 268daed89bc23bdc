package io.berth.panel.site;

import io.berth.persistence.site.Site;
import io.berth.workflows.site.SiteAction;
import io.berth.workflows.site.SiteStatus;

/**
 * A site as its owner sees it.
 *
 * @param adminUrl where a WordPress site is run ({@code …/wp-admin/}); null for other apps
 */
record SiteSummary(
    long id,
    String name,
    String app,
    SiteStatus status,
    String url,
    String adminUrl,
    String failureReason) {

  static SiteSummary of(Site site, SiteUrls urls) {
    return new SiteSummary(
        site.id(),
        site.name(),
        site.app(),
        site.status(),
        urls.url(site.name()),
        AppCatalog.WORDPRESS.id().equals(site.app()) ? urls.wpAdmin(site.name()) : null,
        site.failureReason());
  }

  boolean isWordPress() {
    return adminUrl != null;
  }

  /** Whether the panel offers this action now: start a stopped site, stop or restart a live one. */
  boolean offers(SiteAction action) {
    return switch (action) {
      case START -> status == SiteStatus.STOPPED;
      case STOP, RESTART -> status == SiteStatus.RUNNING;
    };
  }
}
