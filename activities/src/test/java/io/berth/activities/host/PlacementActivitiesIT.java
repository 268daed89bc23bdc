package io.berth.activities.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.workflows.host.Placement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Placement on the real platform schema in a fresh PostgreSQL database. */
class PlacementActivitiesIT {

  private static final String DATABASE = "berth_placement_it";

  private JdbcClient jdbc;
  private PlacementActivitiesImpl placement;

  @BeforeEach
  void freshDatabase() throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/postgres", "berth", "berth");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + DATABASE);
    }
    PGSimpleDataSource db = new PGSimpleDataSource();
    db.setUrl("jdbc:postgresql://127.0.0.1:5432/" + DATABASE);
    db.setUser("berth");
    db.setPassword("berth");
    Flyway.configure().dataSource(db).load().migrate();
    jdbc = JdbcClient.create(db);
    placement = new PlacementActivitiesImpl(jdbc, Duration.ofSeconds(90));
  }

  @Test
  void givenNoHostOnline_placementWaitsWithAClearReason() {
    long site = newSite(newCustomer());
    hostSeen("gone", "now() - interval '10 minutes'");

    assertThatThrownBy(() -> placement.placeSite(site))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("No Docker host is online");
  }

  @Test
  void givenTwoHosts_aNewCustomerGoesToTheLeastLoadedOneOnItsFirstPort() {
    hostSeen("busy", "now()");
    hostSeen("idle", "now()");
    placement.placeSite(newSite(newCustomer()));
    placement.placeSite(newSite(newCustomer()));

    Placement third = placement.placeSite(newSite(newCustomer()));

    assertThat(load("busy") + load("idle")).isEqualTo(3);
    assertThat(Math.abs(load("busy") - load("idle"))).isEqualTo(1);
    assertThat(third.hostPort()).isIn(20000, 20001);
  }

  @Test
  void placingTheSameSiteTwiceGivesTheSamePlacement() {
    hostSeen("h1", "now()");
    long site = newSite(newCustomer());

    Placement first = placement.placeSite(site);
    Placement again = placement.placeSite(site);

    assertThat(again).isEqualTo(first);
    assertThat(load("h1")).isEqualTo(1);
  }

  @Test
  void aCustomersSitesStayOnTheHostOfTheirNetworkWithTheirOwnPorts() {
    hostSeen("h1", "now()");
    long customer = newCustomer();
    Placement first = placement.placeSite(newSite(customer));
    hostSeen("h2", "now()");

    Placement second = placement.placeSite(newSite(customer));

    assertThat(second.hostId()).isEqualTo(first.hostId()).isEqualTo("h1");
    assertThat(second.hostPort()).isEqualTo(first.hostPort() + 1);
  }

  @Test
  void aFailedSiteGivesItsPortBack() {
    hostSeen("h1", "now()");
    long failed = newSite(newCustomer());
    Placement taken = placement.placeSite(failed);
    jdbc.sql("UPDATE site SET status = 'FAILED' WHERE id = :id").param("id", failed).update();

    Placement next = placement.placeSite(newSite(newCustomer()));

    assertThat(next.hostPort()).isEqualTo(taken.hostPort());
  }

  @Test
  void aDeletedSiteGivesItsPortBack() {
    hostSeen("h1", "now()");
    long deleted = newSite(newCustomer());
    Placement taken = placement.placeSite(deleted);
    jdbc.sql("UPDATE site SET status = 'DELETED' WHERE id = :id").param("id", deleted).update();

    Placement next = placement.placeSite(newSite(newCustomer()));

    assertThat(next.hostPort()).isEqualTo(taken.hostPort());
  }

  @Test
  void aCustomersDeletedSiteNoLongerHoldsTheirNextSiteToItsHost() {
    hostSeen("old", "now()");
    long customer = newCustomer();
    long deleted = newSite(customer);
    assertThat(placement.placeSite(deleted).hostId()).isEqualTo("old");
    jdbc.sql("UPDATE site SET status = 'DELETED' WHERE id = :id").param("id", deleted).update();
    hostSeen("new", "now()");
    jdbc.sql("UPDATE host SET last_seen = now() - interval '10 minutes' WHERE id = 'old'").update();

    Placement next = placement.placeSite(newSite(customer));

    assertThat(next.hostId()).isEqualTo("new");
  }

  private void hostSeen(String id, String when) {
    jdbc.sql("INSERT INTO host (id, last_seen) VALUES (:id, " + when + ")")
        .param("id", id)
        .update();
  }

  private long load(String host) {
    return jdbc.sql("SELECT count(*) FROM site WHERE host_id = :h")
        .param("h", host)
        .query(Long.class)
        .single();
  }

  private long newCustomer() {
    return jdbc.sql(
            "INSERT INTO customer (email, password_hash) VALUES (gen_random_uuid() || '@t.test',"
                + " 'x') RETURNING id")
        .query(Long.class)
        .single();
  }

  private long newSite(long customer) {
    long order =
        jdbc.sql(
                "INSERT INTO orders (customer_id, plan_id, site_name, app, payment_method, status)"
                    + " VALUES (:c, 1, 's', 'static', 'NONE', 'PROVISIONING') RETURNING id")
            .param("c", customer)
            .query(Long.class)
            .single();
    return jdbc.sql(
            "INSERT INTO site (customer_id, order_id, name, app, status) VALUES (:c, :o, 'site' ||"
                + " :o, 'static', 'PROVISIONING') RETURNING id")
        .param("c", customer)
        .param("o", order)
        .query(Long.class)
        .single();
  }
}
