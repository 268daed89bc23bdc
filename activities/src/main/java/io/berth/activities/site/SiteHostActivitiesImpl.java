package io.berth.activities.site;

import io.berth.activities.common.PermanentException;
import io.berth.activities.docker.CommandResult;
import io.berth.activities.docker.ContainerRuntime;
import io.berth.activities.proxy.ReverseProxy;
import io.berth.workflows.common.FailureType;
import io.berth.workflows.site.ContainerSpec;
import io.berth.workflows.site.RouteSpec;
import io.berth.workflows.site.SiteAction;
import io.berth.workflows.site.SiteHostActivities;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site's Docker and proxy steps on this host: delegation to the two ports, with the container's
 * environment and the app's install step rendered here ({@link SiteEnvironment}).
 */
public class SiteHostActivitiesImpl implements SiteHostActivities {

  /** The install script's "the database is not reachable yet, try again" (berth-wp-install). */
  static final int EXIT_DATABASE_NOT_REACHABLE = 3;

  /** The install script's "bad usage": the catalog's command is wrong. */
  static final int EXIT_USAGE = 2;

  /** Within the host activities' 30 s start-to-close timeout. */
  private static final Duration INSTALL_TIMEOUT = Duration.ofSeconds(25);

  private static final int MAX_OUTPUT = 500;

  private static final Logger log = LoggerFactory.getLogger(SiteHostActivitiesImpl.class);

  private final ContainerRuntime containers;
  private final ReverseProxy proxy;
  private final ProxyHealthProbe probe;
  private final SiteEnvironment environment;

  public SiteHostActivitiesImpl(
      ContainerRuntime containers,
      ReverseProxy proxy,
      ProxyHealthProbe probe,
      SiteEnvironment environment) {
    this.containers = containers;
    this.proxy = proxy;
    this.probe = probe;
    this.environment = environment;
  }

  @Override
  public String ensureNetwork(long customerId) {
    return containers.ensureNetwork(customerId);
  }

  @Override
  public void removeNetwork(long customerId) {
    containers.removeNetworkIfUnused(customerId);
  }

  @Override
  public void ensureContainer(ContainerSpec spec) {
    containers.ensureContainer(spec, environment.containerEnvironment(spec.siteId()));
  }

  /**
   * The new plan's limits on the running (or stopped) container, in place: no re-creation, so the
   * site keeps serving and keeps its files. A later {@link #ensureContainer} with the same spec
   * finds the container as it wants it and leaves it alone.
   */
  @Override
  public void updateLimits(ContainerSpec spec) {
    containers.updateLimits(spec);
  }

  @Override
  public void removeContainer(long siteId) {
    containers.removeContainer(siteId);
  }

  /** Removes the site's volume, and the secrets made for it (salt, admin password). */
  @Override
  public void removeSiteFiles(long siteId) {
    containers.removeVolume(siteId);
    environment.forget(siteId);
  }

  /**
   * Runs the app's install command in the site's container with the admin password on its standard
   * input. Exit 0 is success (the Berth install scripts also answer 0 when installed already), 3
   * means the database does not answer yet and is retried, anything else fails the step for good
   * with what the script printed on stderr.
   */
  @Override
  public void installApp(long siteId) {
    Optional<InstallStep> step = environment.installStep(siteId);
    if (step.isEmpty()) {
      return;
    }
    InstallStep install = step.get();
    CommandResult result =
        containers.run(siteId, install.command(), install.adminPassword(), INSTALL_TIMEOUT);
    String stderr = printable(result.stderr(), install.adminPassword());
    if (result.exitCode() == 0) {
      log.info(
          "Installed {} in site {}: {}",
          install.app(),
          siteId,
          printable(result.stdout(), install.adminPassword()));
      return;
    }
    if (result.exitCode() == EXIT_DATABASE_NOT_REACHABLE) {
      throw new IllegalStateException(
          "The site's database is not reachable yet"
              + (stderr.isEmpty() ? "" : " (" + stderr + ")"));
    }
    throw new PermanentException(
        result.exitCode() == EXIT_USAGE ? FailureType.INVALID_INPUT : FailureType.UNHEALTHY,
        "Installing "
            + install.app()
            + " failed (exit status "
            + result.exitCode()
            + ")"
            + (stderr.isEmpty() ? "" : ": " + stderr));
  }

  @Override
  public void changeContainerState(long siteId, SiteAction action) {
    switch (action) {
      case START -> containers.start(siteId);
      case STOP -> containers.stop(siteId);
      case RESTART -> containers.restart(siteId);
    }
  }

  @Override
  public void ensureRoute(RouteSpec route) {
    proxy.ensureRoute(route);
  }

  @Override
  public void removeRoute(long siteId) {
    proxy.removeRoute(siteId);
  }

  @Override
  public void checkHealth(RouteSpec route) {
    String hostname = proxy.hostname(route.siteName());
    int status;
    try {
      status = probe.status(hostname);
    } catch (IOException e) {
      throw new IllegalStateException(
          "The reverse proxy did not answer for " + hostname + ": " + e.getMessage());
    }
    if (status != 200) {
      throw new IllegalStateException(
          probe.url(hostname) + " answered HTTP " + status + " (waiting for 200)");
    }
  }

  /**
   * Output for a message: one line, short, and without the password even if a script printed it.
   */
  private static String printable(String output, String password) {
    String text = output == null ? "" : output;
    if (password != null && !password.isEmpty()) {
      text = text.replace(password, "***");
    }
    text = text.replaceAll("\\s+", " ").strip();
    return text.length() <= MAX_OUTPUT ? text : text.substring(0, MAX_OUTPUT) + "…";
  }
}
