package io.berth.workflows.site;

/**
 * A reverse-proxy route: {@code <siteName>.<sites domain>} → {@code 127.0.0.1:<hostPort>}, or,
 * while the site is suspended, a "suspended" page served by the proxy itself.
 */
public record RouteSpec(long siteId, String siteName, int hostPort, boolean suspended) {

  public RouteSpec(long siteId, String siteName, int hostPort) {
    this(siteId, siteName, hostPort, false);
  }

  public RouteSpec asSuspended(boolean value) {
    return new RouteSpec(siteId, siteName, hostPort, value);
  }
}
