package io.berth.panel.admin;

import io.berth.workflows.order.OrderStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Every customer's orders for support staff, newest first, one page at a time. */
@Component
class AdminOrders {

  private static final String SELECT =
      """
      SELECT o.id, c.email, p.name AS plan_name, s.id AS site_id, o.site_name, o.status,
             o.payment_method, o.payment_ref, o.failure_reason, o.created_at
        FROM orders o
        JOIN customer c ON c.id = o.customer_id
        JOIN plan p ON p.id = o.plan_id
        LEFT JOIN site s ON s.order_id = o.id
       ORDER BY o.id DESC
       LIMIT :limit OFFSET :offset
      """;

  private final JdbcClient jdbc;

  AdminOrders(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<AdminOrderRow> page(int offset, int limit) {
    return jdbc.sql(SELECT)
        .param("limit", limit)
        .param("offset", offset)
        .query((rs, n) -> row(rs))
        .list();
  }

  int count() {
    return jdbc.sql("SELECT count(*) FROM orders").query(Integer.class).single();
  }

  private static AdminOrderRow row(ResultSet rs) throws SQLException {
    long siteId = rs.getLong("site_id");
    return new AdminOrderRow(
        rs.getLong("id"),
        rs.getString("email"),
        rs.getString("plan_name"),
        rs.wasNull() ? null : siteId,
        rs.getString("site_name"),
        OrderStatus.valueOf(rs.getString("status")),
        rs.getString("payment_method"),
        rs.getString("payment_ref"),
        rs.getString("failure_reason"),
        rs.getTimestamp("created_at").toInstant());
  }
}
