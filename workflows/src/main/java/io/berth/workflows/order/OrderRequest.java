package io.berth.workflows.order;

import io.berth.workflows.common.PlanLimits;

/**
 * Input of {@link OrderWorkflow}: one purchase of a plan with its first site.
 *
 * @param paymentRequired false for a free trial; true waits for {@link
 *     OrderWorkflow#paymentReceived(String)}
 */
public record OrderRequest(
    long orderId,
    long customerId,
    long siteId,
    String siteName,
    String app,
    boolean paymentRequired,
    PlanLimits limits) {}
