package io.berth.activities.proxy;

import io.berth.workflows.site.RouteSpec;

/**
 * Port to the reverse proxy of one host. Routes are keyed by site id; a site name is validated
 * ({@link io.berth.workflows.common.SiteNames}) before it reaches any config. A change that the
 * proxy rejects leaves the previous config in place and throws.
 */
public interface ReverseProxy {

  /** Writes or updates the site's route and reloads; no reload when nothing changed. */
  void ensureRoute(RouteSpec route);

  /** Removes the site's route if present and reloads. */
  void removeRoute(long siteId);

  /** The public host name of a site, e.g. {@code myblog.berth.localhost}. */
  String hostname(String siteName);
}
