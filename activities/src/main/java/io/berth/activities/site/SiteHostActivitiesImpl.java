package io.berth.activities.site;

import io.berth.activities.docker.ContainerRuntime;
import io.berth.activities.proxy.ReverseProxy;
import io.berth.workflows.site.ContainerSpec;
import io.berth.workflows.site.RouteSpec;
import io.berth.workflows.site.SiteAction;
import io.berth.workflows.site.SiteHostActivities;
import java.io.IOException;

/** The site's Docker and proxy steps on this host: thin delegation to the two ports. */
public class SiteHostActivitiesImpl implements SiteHostActivities {

  private final ContainerRuntime containers;
  private final ReverseProxy proxy;
  private final ProxyHealthProbe probe;

  public SiteHostActivitiesImpl(
      ContainerRuntime containers, ReverseProxy proxy, ProxyHealthProbe probe) {
    this.containers = containers;
    this.proxy = proxy;
    this.probe = probe;
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
    containers.ensureContainer(spec);
  }

  @Override
  public void removeContainer(long siteId) {
    containers.removeContainer(siteId);
  }

  @Override
  public void removeSiteFiles(long siteId) {
    containers.removeVolume(siteId);
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
          "http://" + hostname + "/ answered HTTP " + status + " (waiting for 200)");
    }
  }
}
