package io.berth.activities.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiteServerBlockTest {

  private static final Path PREFIX = Path.of("/srv/berth/nginx");

  @Test
  void aSiteBlock_answersAcmeChallenges_andIncludesThePlatformCertificateIfInstalled() {
    String block =
        SiteServerBlock.forSite(12, "myblog.berth.localhost", "127.0.0.1:8880", 20001, PREFIX);

    assertThat(block)
        .contains(
            "server_name myblog.berth.localhost;\n    include /srv/berth/nginx/tls/platform.con[f];")
        .contains(
            """
                location ^~ /.well-known/acme-challenge/ {
                    root /srv/berth/nginx/acme-challenge;
                    default_type text/plain;
                }
            """);
  }

  @Test
  void aDomainBlock_includesTheCertificateOfTheSiteItIsAttachedTo() {
    String block =
        SiteServerBlock.forDomain(
            41, 12, List.of("example.test", "www.example.test"), "127.0.0.1:8880", 20001, PREFIX);

    assertThat(block)
        .contains("include /srv/berth/nginx/tls/site-12.con[f];")
        .doesNotContain("platform")
        .contains("root /srv/berth/nginx/acme-challenge;");
  }
}
