package io.berth.activities.logs;

/** The site has no container on this host, so this host has no logs of it. */
public class SiteNotOnHostException extends RuntimeException {

  public SiteNotOnHostException(long siteId) {
    super("Site " + siteId + " has no container on this host.");
  }
}
