package io.berth.activities.testing;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows of the platform database as the panel makes them (customers, orders, sites on a host), and
 * the ids made, for {@link DockerLeftovers} to clean up after.
 */
public final class PlatformRows {

  public static final String HOST = "it-host";

  private final JdbcClient jdbc;
  public final Set<Long> customers = new LinkedHashSet<>();
  public final Set<Long> sites = new LinkedHashSet<>();

  public PlatformRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
    jdbc.sql("INSERT INTO host (id) VALUES (:id) ON CONFLICT DO NOTHING")
        .param("id", HOST)
        .update();
  }

  /** A name no other test uses: a letter, then random lowercase letters and digits. */
  public static String uniqueName(String prefix) {
    return prefix + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
  }

  public long customer() {
    long id =
        jdbc.sql("INSERT INTO customer (email, password_hash) VALUES (:email, 'x') RETURNING id")
            .param("email", uniqueName("owner") + "@example.com")
            .query(Long.class)
            .single();
    customers.add(id);
    return id;
  }

  public String email(long customer) {
    return jdbc.sql("SELECT email FROM customer WHERE id = :id")
        .param("id", customer)
        .query(String.class)
        .single();
  }

  /** A site placed on {@link #HOST} at the port, with its order. */
  public long site(long customer, String name, String app, String title, int hostPort) {
    long order =
        jdbc.sql(
                "INSERT INTO orders (customer_id, plan_id, site_name, app, payment_method, status)"
                    + " VALUES (:c, 1, :name, :app, 'NONE', 'PROVISIONING') RETURNING id")
            .param("c", customer)
            .param("name", name)
            .param("app", app)
            .query(Long.class)
            .single();
    long id =
        jdbc.sql(
                """
                INSERT INTO site (customer_id, order_id, name, app, title, status, host_id, host_port)
                VALUES (:c, :o, :name, :app, :title, 'PROVISIONING', :host, :port) RETURNING id
                """)
            .param("c", customer)
            .param("o", order)
            .param("name", name)
            .param("app", app)
            .param("title", title)
            .param("host", HOST)
            .param("port", hostPort)
            .query(Long.class)
            .single();
    sites.add(id);
    return id;
  }
}
