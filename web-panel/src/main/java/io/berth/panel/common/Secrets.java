package io.berth.panel.common;

import io.berth.persistence.secret.SecretNames;
import java.util.Optional;

/**
 * The platform's encrypted secrets, as far as the panel needs them: a password the worker generated
 * is read to be shown to its owner, and forgotten once they have saved it. Names say whose secret
 * it is: {@code site:<siteId>:wp-admin} (a WordPress site's admin password), {@code
 * database:<id>:password} (a database user's password).
 */
public interface Secrets {

  /** The secret in clear text; empty if there is none of that name (never made, or deleted). */
  Optional<String> read(String name);

  /** Forgets the secret; nothing happens if there is none. */
  void delete(String name);

  /** The admin password the worker generated when it installed a WordPress site. */
  static String wordPressAdmin(long siteId) {
    return SecretNames.siteAdminPassword(siteId);
  }

  /** The password of a customer database's user. */
  static String databasePassword(long databaseId) {
    return SecretNames.databasePassword(databaseId);
  }
}
