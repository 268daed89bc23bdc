package io.berth.activities.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh platform database on the local PostgreSQL (role berth/berth) with the real schema. Its
 * ids start at a random value of 900000 or more, so the Docker objects named after them never meet
 * those of a platform running on the same machine.
 */
public final class PlatformDatabase {

  private static final List<String> TABLES =
      List.of("customer", "orders", "site", "customer_database");

  private PlatformDatabase() {}

  /** Drops and creates the database, migrates it and points Spring's datasource at it. */
  public static void createFor(DynamicPropertyRegistry properties, String name) throws Exception {
    String url = create(name);
    properties.add("spring.datasource.url", () -> url);
    properties.add("spring.datasource.username", () -> "berth");
    properties.add("spring.datasource.password", () -> "berth");
  }

  /** Drops and creates the database and migrates it; returns its JDBC URL. */
  public static String create(String name) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/postgres", "berth", "berth");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + name);
    }
    String url = "jdbc:postgresql://127.0.0.1:5432/" + name;
    PGSimpleDataSource db = new PGSimpleDataSource();
    db.setUrl(url);
    db.setUser("berth");
    db.setPassword("berth");
    Flyway.configure().dataSource(db).load().migrate();
    long start = 900_000 + ThreadLocalRandom.current().nextLong(8_000_000);
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      for (String table : TABLES) {
        s.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + start);
      }
    }
    return url;
  }
}
