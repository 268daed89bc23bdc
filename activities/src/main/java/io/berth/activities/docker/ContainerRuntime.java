package io.berth.activities.docker;

import io.berth.workflows.site.ContainerSpec;
import java.time.Duration;
import java.util.List;
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

  /**
   * Removes the customer's network when no container (running or stopped) is attached; otherwise
   * leaves it. No-op when the network does not exist.
   */
  void removeNetworkIfUnused(long customerId);

  /**
   * Converges the site's container to the spec and leaves it running: creates it, keeps an
   * identical one (same spec-hash label), or replaces a different one keeping its volume. The
   * plan's limits are not part of that comparison: a container that differs only in them keeps
   * running and gets them in place, as {@link #updateLimits} gives them. Creates the customer's
   * network and the site's volume if missing.
   *
   * @throws io.berth.activities.common.PermanentException INVALID_INPUT for an unknown app or a bad
   *     spec, NOT_FOUND when the app's image is not on this host, CONFLICT when an object of that
   *     name belongs to someone else
   */
  default void ensureContainer(ContainerSpec spec) {
    ensureContainer(spec, ContainerEnvironment.NONE);
  }

  /**
   * {@link #ensureContainer(ContainerSpec)} with these environment variables: a different
   * environment (a new password, a database linked or unlinked) replaces the container, keeping the
   * site's volume. The values never appear in a label or a log line.
   */
  void ensureContainer(ContainerSpec spec, ContainerEnvironment environment);

  /**
   * Gives the site's existing container, running or stopped, the spec's CPU, memory (swap equal to
   * it) and process limits in place: the same container keeps running with the same files. No-op
   * when it has them already.
   *
   * @throws io.berth.activities.common.PermanentException NOT_FOUND if the site has no container,
   *     INVALID_INPUT for a bad spec or limits the engine refuses, CONFLICT when the container
   *     belongs to another customer
   */
  void updateLimits(ContainerSpec spec);

  /** Removes the site's container (not its volume) if it exists. */
  void removeContainer(long siteId);

  /**
   * Removes the site's volume, and with it the site's files, if it exists. Only for a site that
   * never went live (its set-up failed or was cancelled) and whose container is already gone.
   */
  void removeVolume(long siteId);

  /**
   * Starts the site's container; no-op if it runs.
   *
   * @throws io.berth.activities.common.PermanentException NOT_FOUND if the site has no container
   */
  void start(long siteId);

  /** Stops the site's container after a short grace period; no-op if stopped or absent. */
  void stop(long siteId);

  /**
   * Restarts the site's container (starts it if stopped).
   *
   * @throws io.berth.activities.common.PermanentException NOT_FOUND if the site has no container
   */
  void restart(long siteId);

  /**
   * Runs a command in the site's running container, as the container's user, with the container's
   * environment, and waits for it to end.
   *
   * @param input what the command reads on its standard input, after which the input ends; null for
   *     none. Meant for secrets: it is never part of the command line, the environment or a log
   *     line. Needs {@code bash} in the image.
   * @throws io.berth.activities.common.PermanentException NOT_FOUND if the site has no container
   * @throws DockerEngineException (transient) if the container is not running or the command did
   *     not end within {@code timeout}
   */
  CommandResult run(long siteId, List<String> command, String input, Duration timeout);

  /** The site's container state as the engine reports it ("running", "exited", …), if any. */
  Optional<String> state(long siteId);
}
