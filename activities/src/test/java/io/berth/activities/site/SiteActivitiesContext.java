package io.berth.activities.site;

import io.berth.activities.database.DatabaseActivitiesImpl;
import io.berth.activities.database.DatabaseConfig;
import io.berth.activities.database.DatabaseRecordActivitiesImpl;
import io.berth.activities.docker.AppCatalog;
import io.berth.activities.docker.ContainerRuntime;
import io.berth.activities.docker.DockerConfig;
import io.berth.activities.proxy.ProxyConfig;
import io.berth.activities.proxy.ReverseProxy;
import io.berth.persistence.database.CustomerDatabaseRepository;
import io.berth.persistence.site.SiteRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.jdbc.core.simple.JdbcClient;

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
