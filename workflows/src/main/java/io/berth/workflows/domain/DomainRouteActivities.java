package io.berth.workflows.domain;

import io.temporal.activity.ActivityInterface;

/**
 * Proxy routes of customers' domains, on the attached site's host ({@code berth-host-<hostId>}).
 * Idempotent: writing an equal route or removing a missing one changes nothing.
 */
@ActivityInterface
public interface DomainRouteActivities {

  /** Writes the domain's route, checks the proxy config and reloads; no change if equal. */
  void ensureDomainRoute(DomainRoute route);

  /** Removes the domain's route if present and reloads. */
  void removeDomainRoute(long domainId);
}
