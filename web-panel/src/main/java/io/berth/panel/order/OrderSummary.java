package io.berth.panel.order;

import io.berth.workflows.order.OrderStatus;
import java.time.Instant;

/** One line of a customer's order list. */
record OrderSummary(
    long id,
    OrderStatus status,
    long planId,
    String planName,
    Long siteId,
    String siteName,
    Instant createdAt) {}
