package io.berth.persistence.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The auto-configuration as the panel and the worker get it. */
class SecretConfigTest {

  @TempDir Path home;

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SecretConfig.class));

  @Test
  void anAppWithThePlatformDatabaseGetsTheStore_withoutTouchingTheKeyFileYet() {
    Path keyFile = home.resolve("secrets.key");
    runner
        .withBean(DataSource.class, PGSimpleDataSource::new)
        .withPropertyValues("berth.secrets.key-file=" + keyFile)
        .run(
            context -> {
              assertThat(context).hasSingleBean(SecretStore.class);
              assertThat(keyFile).doesNotExist();
            });
  }

  @Test
  void anAppWithoutADatabaseGetsNone() {
    runner.run(context -> assertThat(context).doesNotHaveBean(SecretStore.class));
  }

  @Test
  void aBadKeyPropertyStopsTheAppAtStart() {
    runner
        .withBean(DataSource.class, PGSimpleDataSource::new)
        .withPropertyValues("berth.secrets.key=c2hvcnQ=")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("berth.secrets.key must hold the base64 form"));
  }
}
