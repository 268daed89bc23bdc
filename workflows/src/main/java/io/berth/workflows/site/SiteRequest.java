package io.berth.workflows.site;

import io.berth.workflows.common.PlanLimits;
import io.berth.workflows.progress.Progress;

/**
 * Input of {@link SiteWorkflow}, and the state it carries over continue-as-new.
 *
 * @param provisioned true once the site has answered through the proxy; a run started with true
 *     skips provisioning
 * @param status the last status recorded
 * @param progress the provisioning steps as they ended (null before the first run)
 */
public record SiteRequest(
    long siteId,
    long customerId,
    long orderId,
    String siteName,
    String app,
    PlanLimits limits,
    String hostId,
    int hostPort,
    boolean provisioned,
    SiteStatus status,
    Progress progress) {

  public SiteRequest continued(SiteStatus newStatus, Progress finalProgress) {
    return new SiteRequest(
        siteId,
        customerId,
        orderId,
        siteName,
        app,
        limits,
        hostId,
        hostPort,
        true,
        newStatus,
        finalProgress);
  }

  public SiteRequest withLimits(PlanLimits newLimits) {
    return new SiteRequest(
        siteId,
        customerId,
        orderId,
        siteName,
        app,
        newLimits,
        hostId,
        hostPort,
        provisioned,
        status,
        progress);
  }

  public ContainerSpec container() {
    return new ContainerSpec(siteId, customerId, siteName, app, hostPort, limits);
  }

  public RouteSpec route() {
    return new RouteSpec(siteId, siteName, hostPort);
  }
}
