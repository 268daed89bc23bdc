package io.berth.panel;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/** The web panel: storefront, customer panel, support views and REST API v1. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableJdbcRepositories(basePackages = "io.berth.persistence")
public class PanelApplication {

  public static void main(String[] args) {
    SpringApplication.run(PanelApplication.class, args);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
