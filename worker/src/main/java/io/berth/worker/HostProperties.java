package io.berth.worker;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * This worker's Docker host.
 *
 * @param id the host id; the worker polls {@code berth-host-<id>}
 * @param portFirst first loopback port handed to site containers on this host
 * @param portLast last such port
 * @param heartbeat how often the host tells the platform it is online
 * @param timeout after how long without a heartbeat placement stops choosing the host
 * @param publicAddress the address this host's reverse proxy answers on, where customers point
 *     their domains
 */
@ConfigurationProperties("berth.host")
public record HostProperties(
    @DefaultValue("local") String id,
    @DefaultValue("20000") int portFirst,
    @DefaultValue("29999") int portLast,
    @DefaultValue("20s") Duration heartbeat,
    @DefaultValue("90s") Duration timeout,
    @DefaultValue("127.0.0.1") String publicAddress) {}
