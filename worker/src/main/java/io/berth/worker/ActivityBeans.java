package io.berth.worker;

import io.berth.activities.common.PermanentFailureInterceptor;
import io.berth.activities.docker.AppCatalog;
import io.berth.activities.docker.ContainerRuntime;
import io.berth.activities.host.PlacementActivitiesImpl;
import io.berth.activities.order.OrderActivitiesImpl;
import io.berth.activities.proxy.ReverseProxy;
import io.berth.activities.site.ProxyHealthProbe;
import io.berth.activities.site.SiteEnvironment;
import io.berth.activities.site.SiteHostActivitiesImpl;
import io.berth.activities.site.SiteRecordActivitiesImpl;
import io.berth.persistence.database.CustomerDatabaseRepository;
import io.berth.persistence.order.OrderRepository;
import io.berth.persistence.site.SiteRepository;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import io.temporal.worker.WorkerFactoryOptions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The activity implementations this worker serves, by bean name as {@code application.yml}
 * registers them on their task queues.
 */
@Configuration
class ActivityBeans {

  @Bean
  OrderActivitiesImpl orderActivities(OrderRepository orders, JdbcClient jdbc) {
    return new OrderActivitiesImpl(orders, jdbc);
  }

  @Bean
  SiteRecordActivitiesImpl siteRecordActivities(
      SiteRepository sites,
      CustomerDatabaseRepository databases,
      AppCatalog catalog,
      JdbcClient jdbc) {
    return new SiteRecordActivitiesImpl(sites, databases, catalog, jdbc);
  }

  @Bean
  PlacementActivitiesImpl placementActivities(JdbcClient jdbc, HostProperties host) {
    return new PlacementActivitiesImpl(jdbc, host.timeout());
  }

  @Bean
  SiteHostActivitiesImpl siteHostActivities(
      ContainerRuntime containers,
      ReverseProxy proxy,
      SiteEnvironment environment,
      @Value("${berth.proxy.listen:127.0.0.1:8880}") String proxyListen) {
    return new SiteHostActivitiesImpl(
        containers, proxy, ProxyHealthProbe.forListen(proxyListen), environment);
  }

  @Bean
  TemporalOptionsCustomizer<WorkerFactoryOptions.Builder> permanentFailures() {
    return builder -> builder.setWorkerInterceptors(new PermanentFailureInterceptor());
  }
}
