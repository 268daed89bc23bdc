package io.berth.activities.usage;

import com.github.dockerjava.api.DockerClient;
import io.berth.activities.docker.DockerProperties;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wires usage sampling on a worker: the engine-backed {@link ContainerStats}, the {@link
 * UsageStore} and the {@link UsageSampler}; nothing when {@code berth.usage.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UsageProperties.class)
@ConditionalOnProperty(name = "berth.usage.enabled", matchIfMissing = true)
public class UsageConfig {

  @Bean
  ContainerStats containerStats(
      DockerClient docker, DockerProperties dockerProperties, UsageProperties usage) {
    return new DockerContainerStats(docker, dockerProperties.endpoint(), usage.diskProbeImage());
  }

  @Bean
  UsageStore usageStore(JdbcClient jdbc) {
    return new UsageStore(jdbc);
  }

  @Bean(destroyMethod = "close")
  UsageSampler usageSampler(ContainerStats stats, UsageStore store, UsageProperties usage) {
    return new UsageSampler(stats, store, Clock.systemUTC(), usage);
  }
}
