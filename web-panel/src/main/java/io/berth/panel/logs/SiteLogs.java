package io.berth.panel.logs;

/**
 * A site whose logs the caller may read, and the host whose agent serves them.
 *
 * @param siteId the site
 * @param name its name (file names of downloads, the page's title)
 * @param hostId where its container runs
 */
record SiteLogs(long siteId, String name, String hostId) {}
