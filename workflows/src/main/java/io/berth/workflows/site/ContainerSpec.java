package io.berth.workflows.site;

import io.berth.workflows.common.PlanLimits;

/**
 * What one site's container must look like. The Docker adapter derives the container's name,
 * labels, image and network from it; equal specs give the same container.
 */
public record ContainerSpec(
    long siteId, long customerId, String siteName, String app, int hostPort, PlanLimits limits) {}
