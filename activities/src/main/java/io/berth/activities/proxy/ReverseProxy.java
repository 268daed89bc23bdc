package io.berth.activities.proxy;

import io.berth.workflows.domain.DomainRoute;
import io.berth.workflows.site.RouteSpec;

/**
 * Port to the reverse proxy of one host. A site's route is keyed by site id, a customer domain's
 * route by domain id; each lives on its own, so a site keeps its platform name beside its domains.
 * Every name is validated (a site name with {@link io.berth.workflows.common.SiteNames}, a domain's
 * host names with {@link io.berth.activities.dns.RecordValidator#hostname}) before it reaches any
 * config. A change that the proxy rejects leaves the previous config in place and throws.
 */
public interface ReverseProxy {

  /** Writes or updates the site's route and reloads; no reload when nothing changed. */
  void ensureRoute(RouteSpec route);

  /** Removes the site's route if present and reloads. */
  void removeRoute(long siteId);

  /**
   * Writes or updates the domain's route (all its host names to the attached site's port, with the
   * same stopped-site page as a site's route) and reloads; no reload when nothing changed. A name
   * under the platform's sites domain, or one that another route serves, is refused.
   */
  void ensureDomainRoute(DomainRoute route);

  /** Removes the domain's route if present and reloads. */
  void removeDomainRoute(long domainId);

  /** The public host name of a site, e.g. {@code myblog.berth.localhost}. */
  String hostname(String siteName);
}
