package io.berth.activities.backup;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A fresh platform database for backup ITs, and the rows they start from. */
final class BackupRows {

  final JdbcClient jdbc;

  private BackupRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  static BackupRows fresh(String database) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/postgres", "berth", "berth");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + database);
    }
    PGSimpleDataSource db = new PGSimpleDataSource();
    db.setUrl("jdbc:postgresql://127.0.0.1:5432/" + database);
    db.setUser("berth");
    db.setPassword("berth");
    Flyway.configure().dataSource(db).load().migrate();
    return new BackupRows(JdbcClient.create(db));
  }

  void host(String id) {
    jdbc.sql("INSERT INTO host (id) VALUES (:id) ON CONFLICT DO NOTHING").param("id", id).update();
  }

  long customer() {
    return jdbc.sql(
            "INSERT INTO customer (email, password_hash) VALUES (gen_random_uuid() || '@t.test',"
                + " 'x') RETURNING id")
        .query(Long.class)
        .single();
  }

  /** A plan like the seeded ones, with its own retention. */
  long plan(int dailyKeep, int weeklyKeep) {
    return jdbc.sql(
            """
            INSERT INTO plan (code, name, description, price_cents, currency, period, cpu_millis,
                              memory_mb, disk_mb, max_sites, backup_daily_keep, backup_weekly_keep)
            VALUES ('p-' || gen_random_uuid(), 'P', 'P', 0, 'EUR', 'TRIAL', 500, 256, 1024, 3,
                    :daily, :weekly)
            RETURNING id
            """)
        .param("daily", dailyKeep)
        .param("weekly", weeklyKeep)
        .query(Long.class)
        .single();
  }

  long site(long customer, long plan, String name, String app, String status, String host) {
    long order =
        jdbc.sql(
                "INSERT INTO orders (customer_id, plan_id, site_name, app, payment_method, status)"
                    + " VALUES (:c, :p, :n, :a, 'NONE', 'ACTIVE') RETURNING id")
            .param("c", customer)
            .param("p", plan)
            .param("n", name)
            .param("a", app)
            .query(Long.class)
            .single();
    int port =
        jdbc.sql("SELECT 20000 + count(*) FROM site").query(Integer.class).single().intValue();
    return jdbc.sql(
            "INSERT INTO site (customer_id, order_id, name, app, status, host_id, host_port)"
                + " VALUES (:c, :o, :n, :a, :s, :h, :port) RETURNING id")
        .param("c", customer)
        .param("o", order)
        .param("n", name)
        .param("a", app)
        .param("s", status)
        .param("h", host)
        .param("port", port)
        .query(Long.class)
        .single();
  }

  void siteStatus(long site, String status) {
    jdbc.sql("UPDATE site SET status = :s WHERE id = :id")
        .param("s", status)
        .param("id", site)
        .update();
  }

  String backupStatus(long backup) {
    return jdbc.sql("SELECT status FROM backup WHERE id = :id")
        .param("id", backup)
        .query(String.class)
        .single();
  }
}
