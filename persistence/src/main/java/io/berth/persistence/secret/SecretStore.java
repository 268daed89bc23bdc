package io.berth.persistence.secret;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The platform's secrets (database passwords, WordPress salts and admin passwords), each under a
 * name that says whose it is: {@code database:<id>:password}, {@code dbserver:<customerId>:root},
 * {@code site:<id>:wp-admin}, {@code site:<id>:wp-salt}. Values are stored encrypted and are never
 * logged; the panel and the worker share the key, so what one stores the other reads.
 */
public interface SecretStore {

  /**
   * The secret's value, made with {@code generator} and stored if there is none yet. Idempotent and
   * safe when called concurrently, also from two processes: every caller gets the value that was
   * stored first.
   */
  String getOrCreate(String name, Supplier<String> generator);

  /** The secret's value, if it exists. */
  Optional<String> read(String name);

  /** Stores the value under the name, replacing any value there. */
  void put(String name, String value);

  /** Removes the secret; no-op if there is none. */
  void delete(String name);
}
