package io.berth.activities.domain;

import io.berth.activities.proxy.ReverseProxy;
import io.berth.workflows.domain.DomainRoute;
import io.berth.workflows.domain.DomainRouteActivities;
import org.springframework.stereotype.Component;

/** Customer domains' proxy routes on this host: thin delegation to the {@link ReverseProxy}. */
@Component("domainRouteActivities")
public class DomainRouteActivitiesImpl implements DomainRouteActivities {

  private final ReverseProxy proxy;

  public DomainRouteActivitiesImpl(ReverseProxy proxy) {
    this.proxy = proxy;
  }

  @Override
  public void ensureDomainRoute(DomainRoute route) {
    proxy.ensureDomainRoute(route);
  }

  @Override
  public void removeDomainRoute(long domainId) {
    proxy.removeDomainRoute(domainId);
  }
}
