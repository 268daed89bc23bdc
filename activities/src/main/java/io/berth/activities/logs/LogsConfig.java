package io.berth.activities.logs;

import com.github.dockerjava.api.DockerClient;
import io.berth.activities.proxy.AccessLogFiles;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the sites' logs on this host: the apps' output from Docker ({@link DockerSiteLogs}) and the
 * proxy's access logs ({@link ProxyAccessLogs}, polled every {@code berth.logs.poll-interval},
 * default 250 ms, while followed), as {@link SiteLogSources}.
 */
@Configuration(proxyBeanMethods = false)
public class LogsConfig {

  @Bean
  SiteLogSources siteLogSources(
      DockerClient dockerClient,
      AccessLogFiles accessLogFiles,
      @Value("${berth.logs.poll-interval:250ms}") Duration pollInterval) {
    DockerSiteLogs app = new DockerSiteLogs(dockerClient);
    ProxyAccessLogs proxy =
        new ProxyAccessLogs(accessLogFiles, app::hasSite, pollInterval, Clock.systemUTC());
    return new SiteLogSources(app, proxy);
  }
}
