package io.berth.panel.order;

import io.berth.workflows.order.OrderStatus;

/** An order that has been stored and whose workflow has started. */
record PlacedOrder(long id, OrderStatus status, long siteId) {}
