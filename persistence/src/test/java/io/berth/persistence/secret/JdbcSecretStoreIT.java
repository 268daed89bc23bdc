package io.berth.persistence.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.SecretKey;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link JdbcSecretStore} on the real schema in a fresh PostgreSQL database. */
class JdbcSecretStoreIT {

  private static final String DATABASE = "berth_secrets_it";
  private static final SecretKey KEY = SecretCipherTest.newKey();

  private static PGSimpleDataSource db;
  private static JdbcSecretStore store;

  @BeforeAll
  static void freshDatabase() throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/postgres", "berth", "berth");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + DATABASE);
    }
    db = new PGSimpleDataSource();
    db.setUrl("jdbc:postgresql://127.0.0.1:5432/" + DATABASE);
    db.setUser("berth");
    db.setPassword("berth");
    Flyway.configure().dataSource(db).load().migrate();
    store = new JdbcSecretStore(db, () -> KEY);
  }

  @Test
  void aSecretIsStoredEncrypted_andReadBack() {
    store.put("database:1:password", "plain-Password-123");

    String stored =
        JdbcClient.create(db)
            .sql("SELECT ciphertext FROM secret WHERE name = 'database:1:password'")
            .query(String.class)
            .single();
    assertThat(stored).doesNotContain("plain-Password-123").contains("|");
    assertThat(store.read("database:1:password")).contains("plain-Password-123");
  }

  @Test
  void getOrCreateMakesTheValueOnce() {
    AtomicInteger generated = new AtomicInteger();

    String first = store.getOrCreate("site:1:wp-salt", () -> "salt-" + generated.incrementAndGet());
    String second =
        store.getOrCreate("site:1:wp-salt", () -> "salt-" + generated.incrementAndGet());

    assertThat(first).isEqualTo(second).isEqualTo("salt-1");
    assertThat(generated).hasValue(1);
  }

  @Test
  void concurrentGetOrCreateCallersAllGetTheOneStoredValue() throws Exception {
    int callers = 12;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> values = new ArrayList<>();
    try {
      for (int i = 0; i < callers; i++) {
        // Each caller has its own store, as the panel and the worker would.
        JdbcSecretStore own = new JdbcSecretStore(db, () -> KEY);
        values.add(
            pool.submit(
                () -> {
                  start.await();
                  return own.getOrCreate("dbserver:9:root", Passwords::generate);
                }));
      }
      start.countDown();
      String winner = values.get(0).get();
      for (Future<String> value : values) {
        assertThat(value.get()).isEqualTo(winner);
      }
      assertThat(store.read("dbserver:9:root")).contains(winner);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void putReplaces_deleteRemoves_andDeletingTwiceIsFine() {
    store.put("site:2:wp-admin", "first-value-123");
    store.put("site:2:wp-admin", "second-value-456");
    assertThat(store.read("site:2:wp-admin")).contains("second-value-456");

    store.delete("site:2:wp-admin");
    store.delete("site:2:wp-admin");

    assertThat(store.read("site:2:wp-admin")).isEmpty();
  }

  @Test
  void aStoreWithAnotherKeyCannotReadTheSecrets() {
    store.put("database:3:password", "value-for-key-one");
    JdbcSecretStore otherKey = new JdbcSecretStore(db, SecretCipherTest::newKey);

    assertThatThrownBy(() -> otherKey.read("database:3:password"))
        .isInstanceOf(SecretUnreadableException.class)
        .hasMessageContaining("database:3:password")
        .hasMessageNotContaining("value-for-key-one");
  }

  @Test
  void emptyValuesAndBadNamesAreRefused() {
    assertThatThrownBy(() -> store.put("x", "")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.getOrCreate("x", () -> null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.read(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.read("n".repeat(101)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
