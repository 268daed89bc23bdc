package io.berth.activities.dns;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Customers' zones: {@link BindDnsZones} configured by {@code berth.dns.*}; lookups for the DNS
 * checks: {@link DnsjavaLookups} configured by {@code berth.dns.resolver.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
  DnsConfig.DnsProperties.class,
  DnsConfig.DnsResolverProperties.class
})
public class DnsConfig {

  /** Where infra/scripts/bind.sh keeps named's files when neither property nor BERTH_HOME says. */
  static final String DEFAULT_DIR = "${BERTH_HOME:.berth}/bind";

  /** The DNS port, following bind.sh's BERTH_DNS_PORT. */
  static final String DEFAULT_PORT = "${BERTH_DNS_PORT:5300}";

  /**
   * {@code berth.dns.*}.
   *
   * @param host the primary server's address (default {@code 127.0.0.1})
   * @param port its DNS port (default 5300, as bind.sh)
   * @param tsigKeyFile the TSIG key for UPDATEs, in named's {@code key} syntax (default {@code
   *     <bind dir>/update.key})
   * @param rndc the rndc binary (default {@code rndc} on {@code PATH})
   * @param rndcConf rndc's config (default {@code <bind dir>/rndc.conf})
   * @param zoneDirectory named's {@code directory}, where new zone files go (default {@code <bind
   *     dir>/zones})
   * @param primaryNs the primary name server's name, in every zone's SOA and NS
   * @param primaryNsAddress the glue address, used when the name server lies inside the zone
   * @param hostmaster the SOA mailbox as a name
   * @param defaultTtl TTL of the records the platform creates
   * @param timeout per request to the server
   */
  @ConfigurationProperties("berth.dns")
  public record DnsProperties(
      @DefaultValue("127.0.0.1") String host,
      Integer port,
      Path tsigKeyFile,
      @DefaultValue("rndc") String rndc,
      Path rndcConf,
      Path zoneDirectory,
      @DefaultValue("ns1.berth.test") String primaryNs,
      @DefaultValue("127.0.0.1") String primaryNsAddress,
      @DefaultValue("hostmaster.berth.test") String hostmaster,
      @DefaultValue("3600") long defaultTtl,
      @DefaultValue("5s") Duration timeout) {}

  /**
   * {@code berth.dns.resolver.*}: the resolver the DNS checks ask, as the public would. In
   * development and tests that is the local BIND, so its defaults follow {@link DnsProperties}'s.
   *
   * @param host the resolver's address (default {@code 127.0.0.1})
   * @param port its DNS port (default {@code BERTH_DNS_PORT}, else 5300, as bind.sh)
   * @param timeout per query
   */
  @ConfigurationProperties("berth.dns.resolver")
  public record DnsResolverProperties(
      @DefaultValue("127.0.0.1") String host, Integer port, @DefaultValue("5s") Duration timeout) {}

  @Bean
  DnsLookups dnsLookups(DnsResolverProperties p, Environment environment) {
    return new DnsjavaLookups(
        new DnsjavaLookups.Settings(
            p.host(),
            p.port() != null
                ? p.port()
                : Integer.parseInt(environment.resolveRequiredPlaceholders(DEFAULT_PORT)),
            p.timeout()));
  }

  @Bean
  DnsZones dnsZones(DnsProperties p, Environment environment) {
    Path dir = Path.of(environment.resolveRequiredPlaceholders(DEFAULT_DIR));
    return new BindDnsZones(
        new BindDnsZones.Settings(
            p.host(),
            p.port() != null
                ? p.port()
                : Integer.parseInt(environment.resolveRequiredPlaceholders(DEFAULT_PORT)),
            p.tsigKeyFile() != null ? p.tsigKeyFile() : dir.resolve("update.key"),
            p.rndc(),
            p.rndcConf() != null ? p.rndcConf() : dir.resolve("rndc.conf"),
            p.zoneDirectory() != null ? p.zoneDirectory() : dir.resolve("zones"),
            p.primaryNs(),
            p.primaryNsAddress(),
            p.hostmaster(),
            p.defaultTtl(),
            p.timeout()));
  }
}
