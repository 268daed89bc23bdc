package io.berth.activities.usage;

import java.util.List;

/**
 * Port to the resource use of this host's site containers: what runs, what each one uses, and how
 * much its volume holds. Reads only; never changes a container or a volume.
 */
public interface ContainerStats {

  /** The site containers running on this host now. */
  List<SiteContainer> runningSiteContainers();

  /** One reading of the container's CPU, memory and network counters. */
  ContainerReading read(SiteContainer container);

  /** The apparent size in bytes of everything in the site's volume (0 when it has none). */
  long volumeBytes(long siteId);
}
