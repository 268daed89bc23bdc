package io.berth.activities.proxy;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The host's reverse proxy: {@link NginxReverseProxy} configured by {@code berth.proxy.*} (its
 * routes as {@link ReverseProxy}, its certificates as {@link TlsCertificates}), the ACME HTTP-01
 * files it serves ({@link HttpChallengeFiles}), the sites' access logs it writes ({@link
 * AccessLogFiles}), and the sites' public addresses behind it ({@link SiteAddresses}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProxyConfig.ProxyProperties.class)
public class ProxyConfig {

  /** Where services.sh renders nginx's config when neither property nor BERTH_HOME says else. */
  static final String DEFAULT_PREFIX = "${BERTH_HOME:.berth}/nginx";

  /** The sites' listen address, following services.sh's BERTH_PROXY_HTTP_PORT. */
  static final String DEFAULT_LISTEN = "127.0.0.1:${BERTH_PROXY_HTTP_PORT:8880}";

  /** The HTTPS listen address of routes with a certificate; 443 on a public host. */
  static final String DEFAULT_HTTPS_LISTEN = "127.0.0.1:${BERTH_PROXY_HTTPS_PORT:8443}";

  /**
   * {@code berth.proxy.*}.
   *
   * @param prefix nginx's prefix directory (default {@code ${BERTH_HOME:.berth}/nginx})
   * @param listen the sites' listen address (default {@code 127.0.0.1:8880})
   * @param httpsListen the HTTPS listen address of routes with a certificate (default {@code
   *     127.0.0.1:8443})
   * @param nginx the nginx binary (default {@code nginx}, looked up on {@code PATH})
   */
  @ConfigurationProperties("berth.proxy")
  public record ProxyProperties(
      String prefix, String listen, String httpsListen, @DefaultValue("nginx") String nginx) {}

  /** Both ports of the one adapter, so that routes and certificates share its lock and journal. */
  @Bean
  NginxReverseProxy reverseProxy(
      ProxyProperties properties,
      Environment environment,
      @Value("${berth.sites.domain:berth.localhost}") String domain) {
    // @DefaultValue does not resolve placeholders, so the defaults that follow BERTH_HOME and
    // BERTH_PROXY_HTTP(S)_PORT are resolved here.
    String listen =
        properties.listen() != null
            ? properties.listen()
            : environment.resolveRequiredPlaceholders(DEFAULT_LISTEN);
    String httpsListen =
        properties.httpsListen() != null
            ? properties.httpsListen()
            : environment.resolveRequiredPlaceholders(DEFAULT_HTTPS_LISTEN);
    return new NginxReverseProxy(
        prefix(properties, environment), listen, httpsListen, properties.nginx(), domain);
  }

  @Bean
  HttpChallengeFiles httpChallengeFiles(ProxyProperties properties, Environment environment) {
    return new HttpChallengeFiles(prefix(properties, environment));
  }

  @Bean
  AccessLogFiles accessLogFiles(ProxyProperties properties, Environment environment) {
    return new AccessLogFiles(prefix(properties, environment));
  }

  private static Path prefix(ProxyProperties properties, Environment environment) {
    return Path.of(
        properties.prefix() != null
            ? properties.prefix()
            : environment.resolveRequiredPlaceholders(DEFAULT_PREFIX));
  }

  @Bean
  SiteAddresses siteAddresses(
      ProxyProperties properties,
      Environment environment,
      @Value("${berth.sites.domain:berth.localhost}") String domain) {
    String listen =
        properties.listen() != null
            ? properties.listen()
            : environment.resolveRequiredPlaceholders(DEFAULT_LISTEN);
    return SiteAddresses.of(domain, listen);
  }
}
