package io.berth.panel.site;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where sites are served: {@code http://<name>.<domain>:<httpPort>/}.
 *
 * @param domain the parent domain of every site ({@code berth.localhost} in dev)
 * @param httpPort the reverse proxy's HTTP port (8880 in dev, 80 in production)
 */
@ConfigurationProperties("berth.sites")
record SiteProperties(
    @DefaultValue("berth.localhost") String domain, @DefaultValue("8880") int httpPort) {}
