package io.berth.workflows.site;

import io.temporal.activity.ActivityInterface;

/**
 * Activities that must run on the site's Docker host ({@code berth-host-<hostId>}). Each one is
 * idempotent: run twice, it converges to the same single network, container or route.
 */
@ActivityInterface
public interface SiteHostActivities {

  /** Creates the customer's private bridge network unless it exists; returns its name. */
  String ensureNetwork(long customerId);

  /** Removes the customer's network if no container is attached to it any more. */
  void removeNetwork(long customerId);

  /**
   * Makes the site's container exist with exactly this spec and be running: creates it, keeps an
   * equal one, or replaces one whose spec differs (the site's volume is kept).
   */
  void ensureContainer(ContainerSpec spec);

  /**
   * Applies the spec's CPU, memory and process limits to the site's existing container in place
   * ({@code docker update}), running or stopped; no-op if they are already equal.
   */
  void updateLimits(ContainerSpec spec);

  /** Removes the site's container if present; keeps nothing running for the site. */
  void removeContainer(long siteId);

  /**
   * Removes the site's files (its volume) if present. Only for a site that never went live, after
   * its container is removed.
   */
  void removeSiteFiles(long siteId);

  /**
   * Runs the app's install step inside the site's running container (WordPress: the site title and
   * the admin account, with a password generated once and stored encrypted). Idempotent: an
   * installed app is left as it is.
   */
  void installApp(long siteId);

  /** Starts (no-op if running), stops (no-op if stopped) or restarts the site's container. */
  void changeContainerState(long siteId, SiteAction action);

  /**
   * Writes the site's proxy route (or, for a suspended route, the "suspended" page), checks the
   * proxy config and reloads; no change if equal.
   */
  void ensureRoute(RouteSpec route);

  /** Removes the site's proxy route if present and reloads. */
  void removeRoute(long siteId);

  /** Fetches the site through the proxy; succeeds on HTTP 200, fails (retryably) otherwise. */
  void checkHealth(RouteSpec route);
}
