package io.berth.activities.docker;

import java.time.Duration;
import java.util.function.UnaryOperator;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the worker reaches its host's Docker engine ({@code berth.docker.*}).
 *
 * @param host the engine's address, e.g. {@code unix:///var/run/docker.sock} or {@code
 *     tcp://10.0.0.5:2376} (TLS from {@code DOCKER_TLS_VERIFY} / {@code DOCKER_CERT_PATH}); empty
 *     means the environment's {@code DOCKER_HOST}, else the local socket
 * @param connectTimeout how long to wait for a connection to the engine
 * @param responseTimeout how long to wait for one answer (stopping a container waits for it)
 */
@ConfigurationProperties("berth.docker")
public record DockerProperties(
    String host,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("2m") Duration responseTimeout) {

  public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

  /** Defaults everywhere: the engine named by {@code DOCKER_HOST}, else the local socket. */
  public static DockerProperties defaults() {
    return new DockerProperties(null, Duration.ofSeconds(5), Duration.ofMinutes(2));
  }

  /** The engine address to use: {@link #host}, else {@code DOCKER_HOST}, else the socket. */
  public String endpoint() {
    return endpoint(System::getenv);
  }

  String endpoint(UnaryOperator<String> environment) {
    if (host != null && !host.isBlank()) {
      return host.trim();
    }
    String fromEnvironment = environment.apply("DOCKER_HOST");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment.trim();
    }
    return DEFAULT_HOST;
  }
}
