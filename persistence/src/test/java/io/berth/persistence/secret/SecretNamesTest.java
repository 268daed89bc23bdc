package io.berth.persistence.secret;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.persistence.database.CustomerDatabase;
import org.junit.jupiter.api.Test;

/** The names as the V4 migration documents them; the panel and the worker both rely on them. */
class SecretNamesTest {

  @Test
  void namesSayWhoseSecretItIs() {
    assertThat(SecretNames.databasePassword(7)).isEqualTo("database:7:password");
    assertThat(CustomerDatabase.passwordSecret(7)).isEqualTo("database:7:password");
    assertThat(SecretNames.databaseServerRoot(3)).isEqualTo("dbserver:3:root");
    assertThat(SecretNames.siteAdminPassword(5)).isEqualTo("site:5:wp-admin");
    assertThat(SecretNames.siteSalt(5)).isEqualTo("site:5:wp-salt");
  }
}
