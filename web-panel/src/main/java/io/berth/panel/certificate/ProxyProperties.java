package io.berth.panel.certificate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the reverse proxy serves HTTPS, for the links the panel shows.
 *
 * @param httpsPort 8443 in dev and CI, 443 in production (then left out of links)
 */
@ConfigurationProperties("berth.proxy")
record ProxyProperties(@DefaultValue("8443") int httpsPort) {

  /** {@code https://example.test:8443/}, or {@code https://example.test/} on port 443. */
  String httpsUrl(String name) {
    return "https://" + name + (httpsPort == 443 ? "" : ":" + httpsPort) + "/";
  }
}
