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
              assertThat(proxy.tlsSnippetFile("site-3"))
                  .isEqualTo(Path.of("/srv/berth/nginx/tls/site-3.conf"));
              assertThat(proxy.tlsSnippet("site-3")).contains("listen 127.0.0.1:8443 ssl;");
              assertThat(ctx.getBean(TlsCertificates.class)).isSameAs(proxy);
              assertThat(ctx.getBean(HttpChallengeFiles.class).file("abc"))
                  .isEqualTo(
                      Path.of("/srv/berth/nginx/acme-challenge/.well-known/acme-challenge/abc"));
            });
  }

  @Test
  void propertiesOverrideTheDefaults() {
    context
        .withPropertyValues(
            "berth.proxy.prefix=/etc/berth-nginx",
            "berth.proxy.listen=0.0.0.0:80",
            "berth.proxy.https-listen=0.0.0.0:443",
            "berth.proxy.nginx=/usr/sbin/nginx",
            "berth.sites.domain=sites.example.net")
        .run(
            ctx -> {
              NginxReverseProxy proxy = (NginxReverseProxy) ctx.getBean(ReverseProxy.class);
              assertThat(proxy.hostname("shop")).isEqualTo("shop.sites.example.net");
              assertThat(proxy.siteFile(1))
                  .isEqualTo(Path.of("/etc/berth-nginx/sites/site-1.conf"));
              assertThat(proxy.tlsSnippet("site-1"))
                  .contains("listen 0.0.0.0:443 ssl;")
                  .contains("https://$host$request_uri");
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
  void theHttpsPortFollowsBerthProxyHttpsPort() {
    context
        .withPropertyValues("BERTH_PROXY_HTTPS_PORT=9443")
        .run(
            ctx ->
                assertThat(ctx.getBean(NginxReverseProxy.class).tlsSnippet("platform"))
                    .contains("listen 127.0.0.1:9443 ssl;"));
  }

  @Test
  void anHttpsListenAddressThatIsNotOne_stopsTheWorkerAtStartUp() {
    context
        .withPropertyValues("berth.proxy.https-listen=127.0.0.1:8443 ssl; include /etc/passwd")
        .run(
            ctx ->
                assertThat(ctx)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("berth.proxy.https-listen"));
  }

  @Test
  void theSameAddressForHttpAndHttps_stopsTheWorkerAtStartUp() {
    context
        .withPropertyValues(
            "berth.proxy.listen=127.0.0.1:8880", "berth.proxy.https-listen=127.0.0.1:8880")
        .run(
            ctx ->
                assertThat(ctx)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("berth.proxy.https-listen must differ"));
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
