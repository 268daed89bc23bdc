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

  @Test
  void aLiveSiteBlock_proxiesToTheContainer_andKnowsNothingOfSuspension() {
    String block =
        SiteServerBlock.forSite(12, "myblog.berth.localhost", "127.0.0.1:8880", 20001, PREFIX);

    assertThat(block)
        .contains("proxy_pass http://127.0.0.1:20001;")
        .doesNotContain("suspend")
        .doesNotContain("return 503");
  }

  @Test
  void aSuspendedSiteBlock_neverProxies_andAnswersWithTheSuspendedPage() {
    String block =
        SiteServerBlock.forSuspendedSite(12, "myblog.berth.localhost", "127.0.0.1:8880", PREFIX);

    assertThat(block)
        .startsWith("# Site 12 (suspended until its plan is paid), written by Berth's worker")
        .contains("server_name myblog.berth.localhost;")
        .contains("include /srv/berth/nginx/tls/platform.con[f];")
        .contains("root /srv/berth/nginx/acme-challenge;")
        .contains(
            """
                location / {
                    error_page 503 /__berth/site-suspended.html;
                    return 503;
                }
            """)
        .contains(
            """
                location = /__berth/site-suspended.html {
                    internal;
                    alias html/suspended.html;
                    default_type text/html;
                    add_header Retry-After 3600 always;
                    add_header Cache-Control no-store always;
                }
            """)
        .doesNotContain("proxy_pass")
        .doesNotContain("20001");
  }

  @Test
  void aDomainBlock_answersWithTheSuspendedPageWhileItsSiteIsMarkedSuspended() {
    String block =
        SiteServerBlock.forDomain(41, 12, List.of("example.test"), "127.0.0.1:8880", 20001, PREFIX);

    assertThat(block)
        .contains(
            """
                location / {
                    include /srv/berth/nginx/sites/site-12.suspende[d];
                    proxy_pass http://127.0.0.1:20001;
            """)
        .contains("location = /__berth/site-suspended.html {")
        .contains("alias html/suspended.html;");
  }

  @Test
  void theSuspensionMark_answers503WithTheSuspendedPage_andIsNotAConfFile() {
    assertThat(SiteSuspension.fileName(12)).isEqualTo("site-12.suspended").doesNotEndWith(".conf");
    assertThat(SiteSuspension.render(12))
        .startsWith("# Site 12 is suspended until its plan is paid")
        .endsWith("error_page 503 /__berth/site-suspended.html;\nreturn 503;\n");
    assertThat(SiteSuspension.includeGlob(PREFIX, 12))
        .isEqualTo("/srv/berth/nginx/sites/site-12.suspende[d]");
  }
}
