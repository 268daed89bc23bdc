package io.berth.activities.database;

import com.github.dockerjava.api.DockerClient;
import io.berth.activities.docker.ContainerRuntime;
import io.berth.activities.docker.DockerProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the customer databases adapter on this host's Docker engine; the image is {@code
 * berth.databases.image} (default {@code berth/mariadb:1}).
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
}
