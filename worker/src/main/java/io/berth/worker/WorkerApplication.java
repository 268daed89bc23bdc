package io.berth.worker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Berth's worker: one per Docker host. Polls {@code berth-control} (workflows, platform-DB
 * activities) and {@code berth-host-<hostId>} (this host's Docker and proxy activities).
 */
@SpringBootApplication(scanBasePackages = {"io.berth.worker", "io.berth.activities"})
@EnableJdbcRepositories(basePackages = "io.berth.persistence")
@ConfigurationPropertiesScan(basePackages = {"io.berth.worker", "io.berth.activities"})
@EnableScheduling
public class WorkerApplication {

  public static void main(String[] args) {
    SpringApplication.run(WorkerApplication.class, args);
  }
}
