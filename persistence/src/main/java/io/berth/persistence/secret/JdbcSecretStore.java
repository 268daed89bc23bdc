package io.berth.persistence.secret;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.SecretKey;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link SecretStore} in the platform database's {@code secret} table, each value AES-256-GCM
 * encrypted ({@link SecretCipher}) with the platform key. Takes part in the caller's transaction
 * when there is one.
 */
public class JdbcSecretStore implements SecretStore {

  /** The width of {@code secret.name}. */
  public static final int MAX_NAME_LENGTH = 100;

  private final JdbcClient jdbc;
  private final SecretCipher cipher;

  /**
   * @param key the platform key, asked for on first use (see {@link SecretKeys})
   */
  public JdbcSecretStore(DataSource dataSource, Supplier<SecretKey> key) {
    this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
    this.cipher = new SecretCipher(key);
  }

  @Override
  public String getOrCreate(String name, Supplier<String> generator) {
    requireName(name);
    Optional<String> existing = read(name);
    if (existing.isPresent()) {
      return existing.get();
    }
    String value = requireValue(name, generator.get());
    jdbc.sql(
            "INSERT INTO secret (name, ciphertext) VALUES (:name, :ciphertext)"
                + " ON CONFLICT (name) DO NOTHING")
        .param("name", name)
        .param("ciphertext", cipher.encrypt(name, value))
        .update();
    // Whoever inserted first wins; everybody returns what is stored.
    return read(name)
        .orElseThrow(
            () -> new IllegalStateException("Secret " + name + " was deleted while being made"));
  }

  @Override
  public Optional<String> read(String name) {
    requireName(name);
    return jdbc.sql("SELECT ciphertext FROM secret WHERE name = :name")
        .param("name", name)
        .query(String.class)
        .optional()
        .map(stored -> cipher.decrypt(name, stored));
  }

  @Override
  public void put(String name, String value) {
    requireName(name);
    jdbc.sql(
            "INSERT INTO secret (name, ciphertext) VALUES (:name, :ciphertext)"
                + " ON CONFLICT (name) DO UPDATE SET ciphertext = EXCLUDED.ciphertext")
        .param("name", name)
        .param("ciphertext", cipher.encrypt(name, requireValue(name, value)))
        .update();
  }

  @Override
  public void delete(String name) {
    requireName(name);
    jdbc.sql("DELETE FROM secret WHERE name = :name").param("name", name).update();
  }

  private static void requireName(String name) {
    if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "A secret's name has 1 to " + MAX_NAME_LENGTH + " characters, not: " + name);
    }
  }

  private static String requireValue(String name, String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("Secret " + name + " cannot be empty");
    }
    return value;
  }

  @Override
  public String toString() {
    return "JdbcSecretStore[AES-256-GCM]";
  }
}
