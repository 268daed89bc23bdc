package io.berth.panel.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The invoices Berth opened for bank transfers (Stripe collects its own), newest first, one page at
 * a time, for support to mark paid.
 */
@Component
class AdminInvoices {

  private static final String SELECT =
      """
      SELECT i.id, i.subscription_id, c.email, p.name AS plan_name, i.amount_cents, i.currency,
             i.status, i.period_start, i.created_at, i.payment_ref
        FROM invoice i
        JOIN customer c ON c.id = i.customer_id
        JOIN subscription s ON s.id = i.subscription_id
        JOIN plan p ON p.id = s.plan_id
       WHERE i.stripe_invoice_id IS NULL
       ORDER BY i.id DESC
       LIMIT :limit OFFSET :offset
      """;

  private final JdbcClient jdbc;

  AdminInvoices(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<AdminInvoiceRow> page(int offset, int limit) {
    return jdbc.sql(SELECT)
        .param("limit", limit)
        .param("offset", offset)
        .query((rs, n) -> row(rs))
        .list();
  }

  int count() {
    return jdbc.sql("SELECT count(*) FROM invoice WHERE stripe_invoice_id IS NULL")
        .query(Integer.class)
        .single();
  }

  private static AdminInvoiceRow row(ResultSet rs) throws SQLException {
    Timestamp periodStart = rs.getTimestamp("period_start");
    return new AdminInvoiceRow(
        rs.getLong("id"),
        rs.getLong("subscription_id"),
        rs.getString("email"),
        rs.getString("plan_name"),
        rs.getLong("amount_cents"),
        rs.getString("currency"),
        rs.getString("status"),
        periodStart == null ? null : periodStart.toInstant(),
        rs.getTimestamp("created_at").toInstant(),
        rs.getString("payment_ref"));
  }
}
