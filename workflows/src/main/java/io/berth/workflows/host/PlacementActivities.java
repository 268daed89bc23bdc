package io.berth.workflows.host;

import io.temporal.activity.ActivityInterface;

/** Chooses a Docker host for a site. Runs on {@code berth-control}. */
@ActivityInterface
public interface PlacementActivities {

  /**
   * Places the site: on the host that already runs this customer's network if there is one, else on
   * the online host with the fewest sites; reserves a loopback port on that host. Idempotent: a
   * site already placed gets its stored placement back. Fails (retryably) while no host is online.
   */
  Placement placeSite(long siteId);
}
