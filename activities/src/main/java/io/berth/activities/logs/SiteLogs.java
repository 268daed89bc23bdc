package io.berth.activities.logs;

import java.util.List;

/**
 * The logs of the sites on this host, from one source (the app's container, or the proxy's access
 * log). Lines come oldest first.
 */
public interface SiteLogs {

  /** Whether the site has a container on this host. */
  boolean hasSite(long siteId);

  /**
   * The last {@code lines} lines of the site's log.
   *
   * @throws SiteNotOnHostException when the site has no container on this host
   */
  List<LogLine> tail(long siteId, int lines);

  /**
   * Delivers the last {@code tail} lines and then every new line to {@code sink}, on a thread of
   * its own, until the returned follow ends or is closed. The caller closes it.
   *
   * @throws SiteNotOnHostException when the site has no container on this host
   */
  LogFollow follow(long siteId, int tail, LineSink sink);
}
