package io.berth.activities.database;

import com.github.dockerjava.api.DockerClient;
import io.berth.activities.docker.ContainerRuntime;
import io.berth.activities.docker.DockerProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the customer databases adapter on this host's Docker engine; the image is {@code
 * berth.databases.image} (default {@code berth/mariadb:1}), and every customer's server gets {@code
 * berth.databases.cpu-millis} (default 500) and {@code berth.databases.memory-mb} (default 256).
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfig {

  @Bean
  CustomerDatabases customerDatabases(
      DockerClient dockerClient,
      ContainerRuntime containerRuntime,
      DockerProperties dockerProperties,
      @Value("${berth.databases.image:berth/mariadb:1}") String image) {
    return new MariaDbCustomerDatabases(
        dockerClient, containerRuntime, image, dockerProperties.endpoint());
  }

  @Bean
  DatabaseLimits databaseLimits(
      @Value("${berth.databases.cpu-millis:500}") int cpuMillis,
      @Value("${berth.databases.memory-mb:256}") int memoryMb) {
    if (cpuMillis < DatabaseLimits.MIN_CPU_MILLIS || memoryMb < DatabaseLimits.MIN_MEMORY_MB) {
      throw new IllegalArgumentException(
          "berth.databases.cpu-millis must be at least "
              + DatabaseLimits.MIN_CPU_MILLIS
              + " and berth.databases.memory-mb at least "
              + DatabaseLimits.MIN_MEMORY_MB);
    }
    return new DatabaseLimits(cpuMillis, memoryMb);
  }
}
