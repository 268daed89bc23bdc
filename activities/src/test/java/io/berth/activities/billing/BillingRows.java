package io.berth.activities.billing;

import io.berth.activities.testing.PlatformRows;
import io.berth.workflows.billing.PaymentMethod;
import io.berth.workflows.billing.SubscriptionStatus;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Orders and subscriptions as the panel places them, in a test's platform database. */
final class BillingRows {

  private final JdbcClient jdbc;

  BillingRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long customer(String email) {
    return jdbc.sql("INSERT INTO customer (email, password_hash) VALUES (:email, 'x') RETURNING id")
        .param("email", email)
        .query(Long.class)
        .single();
  }

  long customer() {
    return customer(PlatformRows.uniqueName("owner") + "@example.com");
  }

  long plan(String code) {
    return jdbc.sql("SELECT id FROM plan WHERE code = :code")
        .param("code", code)
        .query(Long.class)
        .single();
  }

  /** An order of the plan, placed with its subscription in one go; answers the subscription. */
  Placed order(long customer, String planCode, PaymentMethod gateway, SubscriptionStatus status) {
    long plan = plan(planCode);
    long order =
        jdbc.sql(
                """
                INSERT INTO orders (customer_id, plan_id, site_name, app, payment_method, status)
                VALUES (:c, :plan, :name, 'static', :gateway, 'AWAITING_PAYMENT') RETURNING id
                """)
            .param("c", customer)
            .param("plan", plan)
            .param("name", PlatformRows.uniqueName("s"))
            .param("gateway", gateway.name())
            .query(Long.class)
            .single();
    long subscription =
        jdbc.sql(
                """
                INSERT INTO subscription (customer_id, order_id, plan_id, gateway, status)
                VALUES (:c, :o, :plan, :gateway, :status) RETURNING id
                """)
            .param("c", customer)
            .param("o", order)
            .param("plan", plan)
            .param("gateway", gateway.name())
            .param("status", status.name())
            .query(Long.class)
            .single();
    return new Placed(customer, order, subscription);
  }

  /** A site of the order in the status, on the host (null: not placed yet). */
  long site(Placed placed, String status, String host) {
    if (host != null) {
      jdbc.sql("INSERT INTO host (id) VALUES (:id) ON CONFLICT DO NOTHING")
          .param("id", host)
          .update();
    }
    return jdbc.sql(
            """
            INSERT INTO site (customer_id, order_id, name, app, status, host_id)
            VALUES (:c, :o, :name, 'static', :status, :host) RETURNING id
            """)
        .param("c", placed.customer())
        .param("o", placed.order())
        .param("name", PlatformRows.uniqueName("s"))
        .param("status", status)
        .param("host", host)
        .query(Long.class)
        .single();
  }

  void periodEnd(long subscription, Instant end) {
    jdbc.sql("UPDATE subscription SET current_period_end = :end WHERE id = :id")
        .param("end", Timestamp.from(end))
        .param("id", subscription)
        .update();
  }

  /** The customer, order and subscription of one purchase. */
  record Placed(long customer, long order, long subscription) {}
}
