package io.berth.panel.order;

import io.berth.workflows.billing.PaymentMethod;
import io.berth.workflows.order.OrderStatus;

/** An order that has been stored and whose workflows (order and subscription) have started. */
record PlacedOrder(
    long id, OrderStatus status, long siteId, PaymentMethod gateway, long subscriptionId) {}
