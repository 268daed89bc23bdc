package io.berth.workflows.domain;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The proxy of one host: the domain routes it serves. */
class FakeRoutes implements DomainRouteActivities {

  final Map<Long, DomainRoute> routes = new ConcurrentHashMap<>();

  @Override
  public void ensureDomainRoute(DomainRoute route) {
    routes.put(route.domainId(), route);
  }

  @Override
  public void removeDomainRoute(long domainId) {
    routes.remove(domainId);
  }
}
