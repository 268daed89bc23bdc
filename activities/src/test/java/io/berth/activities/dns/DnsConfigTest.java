package io.berth.activities.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class DnsConfigTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(DnsConfig.class);

  @Test
  void byDefault_checksAskTheLocalBind() {
    int bindPort = Integer.parseInt(System.getenv().getOrDefault("BERTH_DNS_PORT", "5300"));
    context.run(
        ctx ->
            assertThat(((DnsjavaLookups) ctx.getBean(DnsLookups.class)).settings())
                .isEqualTo(
                    new DnsjavaLookups.Settings("127.0.0.1", bindPort, Duration.ofSeconds(5))));
  }

  @Test
  void theResolverFollowsBerthDnsPort() {
    context
        .withPropertyValues("BERTH_DNS_PORT=5353")
        .run(
            ctx ->
                assertThat(((DnsjavaLookups) ctx.getBean(DnsLookups.class)).settings().port())
                    .isEqualTo(5353));
  }

  @Test
  void propertiesOverrideTheDefaults() {
    context
        .withPropertyValues(
            "berth.dns.resolver.host=192.0.2.53",
            "berth.dns.resolver.port=53",
            "berth.dns.resolver.timeout=2s")
        .run(
            ctx ->
                assertThat(((DnsjavaLookups) ctx.getBean(DnsLookups.class)).settings())
                    .isEqualTo(
                        new DnsjavaLookups.Settings("192.0.2.53", 53, Duration.ofSeconds(2))));
  }
}
