package io.berth.activities.proxy;

import java.nio.file.Path;

/**
 * Where the host's nginx writes each site's access log: {@code
 * <prefix>/logs/site-<siteId>.access.log}, one file per site in nginx's {@code combined} format,
 * written by every server block of the site (its own name and its customer domains). The agent
 * reads it as the site's proxy log.
 */
public final class AccessLogFiles {

  private final Path prefix;

  /**
   * @param prefix nginx's prefix directory, as {@code berth.proxy.prefix} names it
   */
  public AccessLogFiles(Path prefix) {
    this.prefix = prefix.toAbsolutePath().normalize();
  }

  /** The access log file of the site. */
  public Path forSite(long siteId) {
    return file(prefix, siteId);
  }

  static Path file(Path prefix, long siteId) {
    return prefix.resolve("logs").resolve("site-" + siteId + ".access.log");
  }
}
