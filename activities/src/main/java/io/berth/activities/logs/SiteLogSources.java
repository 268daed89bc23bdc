package io.berth.activities.logs;

import java.util.Map;

/** The {@link SiteLogs} of each {@link LogSource} on this host. */
public final class SiteLogSources {

  private final Map<LogSource, SiteLogs> sources;

  public SiteLogSources(SiteLogs app, SiteLogs proxy) {
    this.sources = Map.of(LogSource.APP, app, LogSource.PROXY, proxy);
  }

  public SiteLogs get(LogSource source) {
    return sources.get(source);
  }
}
