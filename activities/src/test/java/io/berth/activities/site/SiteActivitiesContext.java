package io.berth.activities.site;

import io.berth.activities.database.DatabaseActivitiesImpl;
import io.berth.activities.database.DatabaseConfig;
import io.berth.activities.database.DatabaseRecordActivitiesImpl;
import io.berth.activities.docker.AppCatalog;
import io.berth.activities.docker.ContainerRuntime;
import io.berth.activities.docker.DockerConfig;
import io.berth.activities.proxy.NginxInstance;
import io.berth.activities.proxy.ProxyConfig;
import io.berth.activities.proxy.ReverseProxy;
import io.berth.activities.testing.PlatformDatabase;
import io.berth.persistence.database.CustomerDatabaseRepository;
import io.berth.persistence.site.SiteRepository;
import java.nio.file.Files;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The site activities wired as the worker wires them, for the site ITs: the real schema (the test's
 * database), the local Docker engine, the nginx that {@code berth.proxy.*} names.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableJdbcRepositories(basePackages = "io.berth.persistence")
@Import({
  DockerConfig.class,
  DatabaseConfig.class,
  ProxyConfig.class,
  SiteEnvironment.class,
  DatabaseActivitiesImpl.class,
  DatabaseRecordActivitiesImpl.class
})
public class SiteActivitiesContext {

  /**
   * Points the context at a fresh database of its own and at the class's private nginx, with a
   * small pool closed with the context after the class ({@code @DirtiesContext}): the cached
   * contexts of the whole suite would otherwise hold more connections than PostgreSQL allows.
   *
   * @param nginx read when the proxy settings are first asked for, after {@code @BeforeAll}
   */
  static void freshDatabaseAndPrivateProxy(
      DynamicPropertyRegistry properties,
      String database,
      int poolSize,
      Supplier<NginxInstance> nginx)
      throws Exception {
    PlatformDatabase.createFor(properties, database);
    properties.add("spring.datasource.hikari.maximum-pool-size", () -> poolSize);
    String keyFile = Files.createTempDirectory("berth-secrets").resolve("secrets.key").toString();
    properties.add("berth.secrets.key-file", () -> keyFile);
    properties.add("berth.proxy.prefix", () -> nginx.get().prefix().toString());
    properties.add("berth.proxy.listen", () -> nginx.get().listen());
    properties.add("berth.proxy.https-listen", () -> nginx.get().httpsListen());
  }

  /** As the worker's ActivityBeans makes it. */
  @Bean
  SiteRecordActivitiesImpl siteRecordActivities(
      SiteRepository sites,
      CustomerDatabaseRepository databases,
      AppCatalog catalog,
      JdbcClient jdbc) {
    return new SiteRecordActivitiesImpl(sites, databases, catalog, jdbc);
  }

  /** As the worker's ActivityBeans makes it. */
  @Bean
  SiteHostActivitiesImpl siteHostActivities(
      ContainerRuntime containers,
      ReverseProxy proxy,
      SiteEnvironment environment,
      @Value("${berth.proxy.listen:127.0.0.1:8880}") String proxyListen) {
    return new SiteHostActivitiesImpl(
        containers, proxy, ProxyHealthProbe.forListen(proxyListen), environment);
  }
}
