package io.berth.activities.docker;

import io.berth.workflows.site.ContainerSpec;
import java.util.Optional;

/**
 * Port to the container engine of one host. Every method is idempotent: names and labels are
 * derived from ids, so a repeated call finds what an earlier one made. Adapter errors that retrying
 * cannot fix are {@link io.berth.activities.common.PermanentException}s; anything else (engine
 * unreachable, timeouts) is transient.
 */
public interface ContainerRuntime {

  /** Creates the customer's private bridge network if missing; returns its name. */
  String ensureNetwork(long customerId);

  /** Removes the customer's network when no container is attached; otherwise leaves it. */
  void removeNetworkIfUnused(long customerId);

  /**
   * Converges the site's container to the spec and leaves it running: creates it, keeps an
   * identical one (same spec-hash label), or replaces a different one keeping its volume.
   */
  void ensureContainer(ContainerSpec spec);

  /** Removes the site's container (not its volume) if it exists. */
  void removeContainer(long siteId);

  void start(long siteId);

  void stop(long siteId);

  void restart(long siteId);

  /** The site's container state as the engine reports it ("running", "exited", …), if any. */
  Optional<String> state(long siteId);
}
