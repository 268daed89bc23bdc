package io.berth.activities.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ProxyConfigTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(ProxyConfig.class);

  @Test
  void byDefault_sitesLiveUnderBerthHomeAndBerthLocalhost() {
    context
        .withPropertyValues("BERTH_HOME=/srv/berth")
        .run(
            ctx -> {
              NginxReverseProxy proxy = (NginxReverseProxy) ctx.getBean(ReverseProxy.class);
              assertThat(proxy.hostname("myblog")).isEqualTo("myblog.berth.localhost");
              assertThat(proxy.siteFile(7))
                  .isEqualTo(Path.of("/srv/berth/nginx/sites/site-7.conf"));
              assertThat(proxy.domainFile(3))
                  .isEqualTo(Path.of("/srv/berth/nginx/sites/domain-3.conf"));
            });
  }

  @Test
  void propertiesOverrideTheDefaults() {
    context
        .withPropertyValues(
            "berth.proxy.prefix=/etc/berth-nginx",
            "berth.proxy.listen=0.0.0.0:80",
            "berth.proxy.nginx=/usr/sbin/nginx",
            "berth.sites.domain=sites.example.net")
        .run(
            ctx -> {
              NginxReverseProxy proxy = (NginxReverseProxy) ctx.getBean(ReverseProxy.class);
              assertThat(proxy.hostname("shop")).isEqualTo("shop.sites.example.net");
              assertThat(proxy.siteFile(1))
                  .isEqualTo(Path.of("/etc/berth-nginx/sites/site-1.conf"));
            });
  }

  @Test
  void aListenAddressThatIsNotOne_stopsTheWorkerAtStartUp() {
    context
        .withPropertyValues("berth.proxy.listen=127.0.0.1:8880; include /etc/passwd")
        .run(
            ctx ->
                assertThat(ctx)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("berth.proxy.listen"));
  }

  @Test
  void aDomainThatIsNotADnsName_stopsTheWorkerAtStartUp() {
    context
        .withPropertyValues("berth.sites.domain=Berth Sites")
        .run(
            ctx ->
                assertThat(ctx)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("berth.sites.domain"));
  }
}
