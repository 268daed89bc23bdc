package io.berth.activities.order;

import io.berth.persistence.order.OrderRepository;
import io.berth.workflows.order.OrderActivities;
import io.berth.workflows.order.OrderStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

public class OrderActivitiesImpl implements OrderActivities {

  private final OrderRepository orders;
  private final JdbcClient jdbc;

  public OrderActivitiesImpl(OrderRepository orders, JdbcClient jdbc) {
    this.orders = orders;
    this.jdbc = jdbc;
  }

  /**
   * Also settles the order's site when the order ends before the site could: a site still
   * PROVISIONING takes the order's CANCELLED or FAILED, which gives its name back.
   */
  @Override
  @Transactional
  public void recordOrderStatus(long orderId, OrderStatus status, String reason) {
    orders.updateStatus(orderId, status, reason);
    if (status == OrderStatus.CANCELLED || status == OrderStatus.FAILED) {
      jdbc.sql(
              """
              UPDATE site SET status = :status, failure_reason = :reason, updated_at = now()
               WHERE order_id = :order AND status = 'PROVISIONING'
              """)
          .param("status", status.name())
          .param("reason", reason)
          .param("order", orderId)
          .update();
    }
  }
}
