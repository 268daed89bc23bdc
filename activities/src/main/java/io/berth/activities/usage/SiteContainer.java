package io.berth.activities.usage;

/**
 * A running site container on this host, as the engine lists it.
 *
 * @param siteId the site it serves (its {@code io.berth.site} label)
 * @param containerId the engine's id of the container; a new id means the site's container was
 *     re-created and its network counters started again
 */
public record SiteContainer(long siteId, String containerId) {}
