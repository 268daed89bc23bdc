package io.berth.workflows;

import io.berth.workflows.common.FailureType;
import io.berth.workflows.common.PlanLimits;
import io.berth.workflows.database.DatabaseActivities;
import io.berth.workflows.site.ContainerSpec;
import io.berth.workflows.site.RouteSpec;
import io.berth.workflows.site.SiteAction;
import io.berth.workflows.site.SiteHostActivities;
import io.temporal.failure.ApplicationFailure;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** In-memory Docker host for workflow tests, with switches to make steps fail. */
public class FakeHost implements SiteHostActivities, DatabaseActivities {

  public final Set<Long> networks = ConcurrentHashMap.newKeySet();
  public final Map<Long, String> containers = new ConcurrentHashMap<>();
  public final Set<Long> routes = ConcurrentHashMap.newKeySet();

  /** Sites whose route serves the "suspended" page instead of the site. */
  public final Set<Long> suspendedRoutes = ConcurrentHashMap.newKeySet();

  /** The limits each site's container was last created or updated with. */
  public final Map<Long, PlanLimits> limits = new ConcurrentHashMap<>();

  public final AtomicInteger limitUpdates = new AtomicInteger();
  public final Set<Long> volumes = ConcurrentHashMap.newKeySet();
  public final AtomicInteger containerAttempts = new AtomicInteger();
  public final AtomicInteger restarts = new AtomicInteger();
  public final AtomicInteger containerCreations = new AtomicInteger();
  public final Set<Long> installed = ConcurrentHashMap.newKeySet();
  public final Map<Long, Integer> databases = new ConcurrentHashMap<>();
  public final Map<Long, Integer> passwordResets = new ConcurrentHashMap<>();

  /** The container step fails this many times with a transient error before it works. */
  public volatile int transientContainerFailures;

  /** The health check never passes, as if the app never answered. */
  public volatile boolean unhealthy;

  /** The health check blocks (keeps the journey in flight) while this is set. */
  public volatile boolean slowHealth;

  @Override
  public String ensureNetwork(long customerId) {
    networks.add(customerId);
    return "berth-net-" + customerId;
  }

  @Override
  public void removeNetwork(long customerId) {
    networks.remove(customerId);
  }

  @Override
  public void ensureContainer(ContainerSpec spec) {
    if (containerAttempts.incrementAndGet() <= transientContainerFailures) {
      throw new IllegalStateException(
          "Docker engine unreachable at unix:///var/run/docker.sock: connection refused");
    }
    volumes.add(spec.siteId());
    containerCreations.incrementAndGet();
    containers.put(spec.siteId(), "running");
    limits.put(spec.siteId(), spec.limits());
  }

  @Override
  public void updateLimits(ContainerSpec spec) {
    if (!containers.containsKey(spec.siteId())) {
      throw new IllegalStateException("no container berth-site-" + spec.siteId());
    }
    limitUpdates.incrementAndGet();
    limits.put(spec.siteId(), spec.limits());
  }

  @Override
  public void removeContainer(long siteId) {
    containers.remove(siteId);
    limits.remove(siteId);
  }

  @Override
  public void removeSiteFiles(long siteId) {
    if (containers.containsKey(siteId)) {
      throw new IllegalStateException("volume in use by container berth-site-" + siteId);
    }
    volumes.remove(siteId);
  }

  @Override
  public void changeContainerState(long siteId, SiteAction action) {
    if (action == SiteAction.RESTART) {
      restarts.incrementAndGet();
    }
    containers.put(siteId, action == SiteAction.STOP ? "exited" : "running");
  }

  @Override
  public void ensureRoute(RouteSpec route) {
    routes.add(route.siteId());
    if (route.suspended()) {
      suspendedRoutes.add(route.siteId());
    } else {
      suspendedRoutes.remove(route.siteId());
    }
  }

  @Override
  public void removeRoute(long siteId) {
    routes.remove(siteId);
    suspendedRoutes.remove(siteId);
  }

  @Override
  public void checkHealth(RouteSpec route) {
    if (unhealthy) {
      throw ApplicationFailure.newNonRetryableFailure(
          "The site did not answer through the proxy", FailureType.UNHEALTHY.type());
    }
    while (slowHealth) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** No container, route or site files left; the customer's network may stay. */
  public boolean holdsNoSite() {
    return containers.isEmpty() && routes.isEmpty() && volumes.isEmpty();
  }

  public boolean isEmpty() {
    return networks.isEmpty() && containers.isEmpty() && routes.isEmpty() && volumes.isEmpty();
  }

  @Override
  public void installApp(long siteId) {
    if (!containers.containsKey(siteId)) {
      throw new IllegalStateException("install before the container exists");
    }
    installed.add(siteId);
  }

  @Override
  public void ensureDatabase(long databaseId) {
    databases.merge(databaseId, 1, Integer::sum);
  }

  @Override
  public void resetPassword(long databaseId, String requestId) {
    passwordResets.merge(databaseId, 1, Integer::sum);
  }

  @Override
  public void dropDatabase(long databaseId) {
    databases.remove(databaseId);
  }
}
