package io.berth.activities.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TlsSnippetTest {

  private static final Path PREFIX = Path.of("/srv/berth/nginx");

  @Test
  void aSitesSnippet_servesItsCertificateOnTheHttpsPort_andRedirectsPlainHttpThere() {
    assertThat(TlsSnippet.render(PREFIX, "site-12", "127.0.0.1:8443"))
        .isEqualTo(
            """
            # TLS of site-12, written by Berth's worker: edits here are overwritten.
            listen 127.0.0.1:8443 ssl;
            ssl_certificate /srv/berth/nginx/tls/site-12.pem;
            ssl_certificate_key /srv/berth/nginx/tls/site-12.key;
            if ($berth_to_https) {
                return 301 https://$host:8443$request_uri;
            }
            """);
  }

  @Test
  void onPort443_theRedirectNamesNoPort() {
    assertThat(TlsSnippet.render(PREFIX, "site-3", "0.0.0.0:443"))
        .contains("listen 0.0.0.0:443 ssl;")
        .contains("return 301 https://$host$request_uri;");
    assertThat(TlsSnippet.render(PREFIX, "site-3", "443"))
        .contains("return 301 https://$host$request_uri;");
  }

  @Test
  void thePlatformsSnippet_doesNotRedirect() {
    assertThat(TlsSnippet.render(PREFIX, "platform", "127.0.0.1:8443"))
        .contains("ssl_certificate /srv/berth/nginx/tls/platform.pem;")
        .doesNotContain("return")
        .doesNotContain("$berth_to_https");
  }

  @ParameterizedTest
  @ValueSource(strings = {"platform", "site-1", "site-123456789"})
  void subjects(String key) {
    assertThat(TlsSnippet.isSubject(key)).isTrue();
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {"", "site-", "site-0", "site-01", "site--1", "site-1.conf", "../platform", "x"})
  void notSubjects(String key) {
    assertThat(TlsSnippet.isSubject(key)).isFalse();
  }
}
