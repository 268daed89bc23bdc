package io.berth.activities.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires the Docker adapter: a {@link DockerClient} for the engine named by {@code
 * berth.docker.host}, the {@link AppCatalog} from {@code berth.apps.*}, and the {@link
 * ContainerRuntime} that activities use. Nothing else should need the raw client.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DockerProperties.class)
public class DockerConfig {

  @Bean(destroyMethod = "close")
  DockerClient dockerClient(DockerProperties properties) {
    return createClient(properties);
  }

  @Bean
  AppCatalog appCatalog(Environment environment) {
    Map<String, AppCatalog.Settings> configured =
        Binder.get(environment)
            .bind("berth.apps", Bindable.mapOf(String.class, AppCatalog.Settings.class))
            .orElse(Map.of());
    return AppCatalog.withDefaults(configured);
  }

  @Bean
  ContainerRuntime containerRuntime(
      DockerClient dockerClient, AppCatalog appCatalog, DockerProperties properties) {
    return new DockerContainerRuntime(dockerClient, appCatalog, properties.endpoint());
  }

  /**
   * A client for the engine at {@code properties.endpoint()}. Creating it does not connect; the
   * first call does.
   */
  public static DockerClient createClient(DockerProperties properties) {
    var config =
        DefaultDockerClientConfig.createDefaultConfigBuilder()
            .withDockerHost(properties.endpoint())
            .build();
    var http =
        new ApacheDockerHttpClient.Builder()
            .dockerHost(config.getDockerHost())
            .sslConfig(config.getSSLConfig())
            .maxConnections(32)
            .connectionTimeout(properties.connectTimeout())
            .responseTimeout(properties.responseTimeout())
            .build();
    return DockerClientImpl.getInstance(config, http);
  }
}
