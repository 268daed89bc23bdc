package io.berth.panel.site;

import io.berth.panel.common.Caller;
import io.berth.panel.common.ConflictException;
import io.berth.panel.common.NotFoundException;
import io.berth.panel.common.Secrets;
import io.berth.persistence.site.Site;
import io.berth.persistence.site.SiteRepository;
import io.berth.workflows.site.SiteAction;
import io.berth.workflows.site.SiteStatus;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Service;

/** A customer's sites and what they can do to them. */
@Service
class SiteService {

  private final SiteRepository sites;
  private final SiteWorkflows workflows;
  private final SiteUrls urls;
  private final Secrets secrets;

  SiteService(SiteRepository sites, SiteWorkflows workflows, SiteUrls urls, Secrets secrets) {
    this.sites = sites;
    this.workflows = workflows;
    this.urls = urls;
    this.secrets = secrets;
  }

  /** The caller's sites, oldest first, leaving out those cancelled before they went live. */
  List<SiteSummary> sitesOf(Caller caller) {
    return sites.findByCustomerIdOrderById(caller.customerId()).stream()
        .filter(site -> site.status() != SiteStatus.CANCELLED)
        .map(site -> SiteSummary.of(site, urls))
        .toList();
  }

  SiteSummary site(Caller caller, long siteId) {
    return SiteSummary.of(visible(caller, siteId), urls);
  }

  /**
   * The wp-admin user and the password the worker generated when it installed the WordPress site,
   * while it is kept; empty for other apps, before the install and once the owner has saved it.
   */
  Optional<AdminCredentials> adminCredentials(Caller caller, long siteId) {
    Site site = visible(caller, siteId);
    if (!AppCatalog.WORDPRESS.id().equals(site.app())) {
      return Optional.empty();
    }
    return secrets
        .read(Secrets.wordPressAdmin(siteId))
        .map(
            password ->
                new AdminCredentials(
                    siteId, AdminCredentials.WORDPRESS_ADMIN, password, urls.wpAdmin(site.name())));
  }

  /** The owner has saved the wp-admin password: it is forgotten, and never shown again. */
  void forgetAdminCredentials(Caller caller, long siteId) {
    visible(caller, siteId);
    secrets.delete(Secrets.wordPressAdmin(siteId));
  }

  /**
   * Starts, stops or restarts the site. Returns once its workflow has accepted the action; the
   * future completes with the new status.
   */
  CompletableFuture<SiteStatus> perform(Caller caller, long siteId, SiteAction action) {
    Site site = visible(caller, siteId);
    requireReady(site);
    return workflows.perform(siteId, action);
  }

  private Site visible(Caller caller, long siteId) {
    return sites
        .findById(siteId)
        .filter(site -> caller.canSee(site.customerId()))
        .orElseThrow(() -> new NotFoundException("site", siteId));
  }

  private static void requireReady(Site site) {
    String reason =
        switch (site.status()) {
          case RUNNING, STOPPED -> null;
          case PROVISIONING -> "The site is still being set up; try again once it is live.";
          case SUSPENDED ->
              "The site is suspended because a payment is overdue; pay the open invoice on the"
                  + " Billing page to resume it.";
          case FAILED -> "The site could not be set up, so there is nothing to start or stop.";
          case CANCELLED -> "The site was cancelled before it went live.";
          case DELETED -> "The site was removed when its subscription ended.";
        };
    if (reason != null) {
      throw new ConflictException(reason);
    }
  }
}
