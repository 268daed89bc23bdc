package io.berth.persistence.secret;

import java.nio.file.Path;
import java.util.function.Supplier;
import javax.crypto.SecretKey;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures the {@link SecretStore} in every Boot app that has the platform database (the
 * panel and the worker), listed in {@code META-INF/spring/…AutoConfiguration.imports}: nothing to
 * scan or import.
 *
 * <p>The key is {@code berth.secrets.key} (base64 of 32 bytes) if set, else the key file {@code
 * berth.secrets.key-file}, by default {@code ${BERTH_HOME:.berth}/secrets.key}, created on first
 * use when missing. The panel and the worker must see the same key: the same {@code BERTH_HOME} (as
 * {@code ./berth run} gives them) or the same property.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnSingleCandidate(DataSource.class)
public class SecretConfig {

  /** Where the key file is when neither property nor BERTH_HOME says else. */
  static final String DEFAULT_KEY_FILE = "${BERTH_HOME:.berth}/secrets.key";

  @Bean
  @ConditionalOnMissingBean
  SecretStore secretStore(
      DataSource dataSource,
      @Value("${berth.secrets.key:}") String key,
      @Value("${berth.secrets.key-file:" + DEFAULT_KEY_FILE + "}") String keyFile) {
    return new JdbcSecretStore(dataSource, keySource(key, keyFile));
  }

  /**
   * The key from the property (checked at once), else from the file (read or created on first use).
   */
  static Supplier<SecretKey> keySource(String key, String keyFile) {
    if (key != null && !key.isBlank()) {
      SecretKey fromProperty = SecretKeys.fromBase64(key, "berth.secrets.key");
      return () -> fromProperty;
    }
    Path file = Path.of(keyFile);
    return () -> SecretKeys.fromFile(file);
  }
}
