package io.berth.activities.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.berth.activities.common.PermanentException;
import io.berth.workflows.common.FailureType;
import io.berth.workflows.domain.DomainRoute;
import io.berth.workflows.site.RouteSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Certificates installed into a real nginx: what a visitor sees over HTTPS and HTTP, and what
 * happens to a certificate nginx refuses, a renewal, a removal and the platform's wildcard.
 */
class TlsCertificatesIT {

  @TempDir static Path caDir;

  private static NginxInstance nginx;
  private static NginxReverseProxy proxy;
  private static TestCa ca;

  @BeforeAll
  static void startNginx() throws Exception {
    nginx = NginxInstance.start();
    proxy = nginx.proxy();
    ca = TestCa.create(caDir);
  }

  @AfterAll
  static void stopNginx() throws Exception {
    if (nginx != null) {
      nginx.close();
    }
  }

  @Test
  void givenASiteCertificate_itsDomainsAnswerOverHttps_andHttpRedirectsExceptChallenges()
      throws Exception {
    try (Backend site = Backend.start("hello over tls")) {
      serve(30, "secure", 50, List.of("example.test", "www.example.test"), site);
      TestCa.Issued certificate = ca.issue("1001", List.of("example.test", "www.example.test"));

      proxy.installCertificate("site-30", certificate.chainPem(), certificate.keyPem());

      for (String host : List.of("example.test", "www.example.test")) {
        Command.Result curl = HttpsProbe.curl(nginx.httpsPort(), host, "/", ca.certificate());
        assertThat(curl.exitCode()).as(curl.output()).isZero();
        assertThat(curl.output()).isEqualTo("hello over tls");
      }
      Http.Response plain =
          Http.request("GET", nginx.port(), "example.test", "/shop/cart?item=7", Map.of());
      assertThat(plain.status()).isEqualTo(301);
      assertThat(plain.header("Location"))
          .isEqualTo("https://example.test:" + nginx.httpsPort() + "/shop/cart?item=7");
      nginx.challenges().publish(Map.of("still-plain-http", "still-plain-http.thumbprint"));
      Http.Response challenge =
          Http.request(
              "GET",
              nginx.port(),
              "example.test",
              "/.well-known/acme-challenge/still-plain-http",
              Map.of());
      assertThat(challenge.status()).isEqualTo(200);
      assertThat(challenge.body()).isEqualTo("still-plain-http.thumbprint");
      Http.Response ownName = Http.get(nginx.port(), "secure.berth.localhost");
      assertThat(ownName.status()).as("the site's own name is not redirected").isEqualTo(200);
      assertThat(ownName.body()).isEqualTo("hello over tls");

      assertThat(Files.getPosixFilePermissions(nginx.tls().resolve("site-30.key")))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
      assertThat(Files.readString(nginx.tls().resolve("site-30.pem")))
          .isEqualTo(certificate.chainPem());
      assertThat(Files.readString(nginx.tls().resolve("site-30.conf")))
          .contains("listen " + nginx.httpsListen() + " ssl;")
          .doesNotContain("PRIVATE KEY");
      assertThat(tlsFileNames()).noneMatch(name -> name.startsWith("."));
    }
  }

  @Test
  void givenTheSameCertificateTwice_itDoesNotReload() throws Exception {
    try (Backend site = Backend.start("twice over tls")) {
      serve(31, "twicetls", 51, List.of("twice.test"), site);
      TestCa.Issued certificate = ca.issue("1101", List.of("twice.test"));
      proxy.installCertificate("site-31", certificate.chainPem(), certificate.keyPem());
      Map<String, FileTime> written = modificationTimes("site-31");
      Set<Long> workers = nginx.awaitSettledWorkers();

      proxy.installCertificate("site-31", certificate.chainPem(), certificate.keyPem());

      Thread.sleep(300);
      assertThat(nginx.workerPids())
          .as("nginx workers (a reload replaces them)")
          .isEqualTo(workers);
      assertThat(modificationTimes("site-31")).isEqualTo(written);
      assertThat(HttpsProbe.servedSerial(nginx.httpsPort(), "twice.test", ca.certificate()))
          .isEqualTo("1101");
    }
  }

  @Test
  void givenARenewedCertificate_theNewSerialIsServed() throws Exception {
    try (Backend site = Backend.start("renewed")) {
      serve(32, "renewing", 52, List.of("renew.test"), site);
      TestCa.Issued first = ca.issue("1201", List.of("renew.test"));
      proxy.installCertificate("site-32", first.chainPem(), first.keyPem());
      assertThat(HttpsProbe.servedSerial(nginx.httpsPort(), "renew.test", ca.certificate()))
          .isEqualTo("1201");

      TestCa.Issued second = ca.issue("1202", List.of("renew.test"));
      proxy.installCertificate("site-32", second.chainPem(), second.keyPem());

      assertThat(HttpsProbe.servedSerial(nginx.httpsPort(), "renew.test", ca.certificate()))
          .isEqualTo("1202");
      assertThat(HttpsProbe.curl(nginx.httpsPort(), "renew.test", "/", ca.certificate()).output())
          .isEqualTo("renewed");
    }
  }

  @Test
  void givenAKeyThatIsNotTheCertificates_nginxRefusesIt_andTheOldCertificateKeepsServing()
      throws Exception {
    try (Backend site = Backend.start("kept")) {
      serve(33, "keeper", 53, List.of("keep.test"), site);
      TestCa.Issued working = ca.issue("1301", List.of("keep.test"));
      proxy.installCertificate("site-33", working.chainPem(), working.keyPem());
      TestCa.Issued renewed = ca.issue("1302", List.of("keep.test"));
      TestCa.Issued other = ca.issue("1303", List.of("keep.test"));
      Map<String, String> before = nginx.configSnapshot();

      PermanentException refused =
          assertThrows(
              PermanentException.class,
              () -> proxy.installCertificate("site-33", renewed.chainPem(), other.keyPem()));

      assertThat(refused.type()).isEqualTo(FailureType.INVALID_INPUT);
      assertThat(refused.getMessage())
          .contains("nginx rejected the configuration for the certificate of site-33")
          .contains("site-33")
          .doesNotContain("PRIVATE KEY");
      assertThat(nginx.configSnapshot()).isEqualTo(before);
      assertThat(tlsFileNames()).noneMatch(name -> name.startsWith("."));
      assertThat(HttpsProbe.servedSerial(nginx.httpsPort(), "keep.test", ca.certificate()))
          .isEqualTo("1301");
      assertThat(HttpsProbe.curl(nginx.httpsPort(), "keep.test", "/", ca.certificate()).output())
          .isEqualTo("kept");
    }
  }

  static Stream<Arguments> badCertificates() throws Exception {
    TestCa.Issued good = ca.issue("1401", List.of("bad-input.test"));
    String chain = good.chainPem();
    String key = good.keyPem();
    return Stream.of(
        Arguments.of("../site-1", chain, key, "not '../site-1'"),
        Arguments.of("site-0", chain, key, "'platform' or 'site-<id>'"),
        Arguments.of("site-1/../../x", chain, key, "'platform' or 'site-<id>'"),
        Arguments.of("Platform", chain, key, "'platform' or 'site-<id>'"),
        Arguments.of(null, chain, key, "'platform' or 'site-<id>'"),
        Arguments.of("site-40", "", key, "not a PEM chain"),
        Arguments.of("site-40", null, key, "not a PEM chain"),
        Arguments.of("site-40", key, key, "not a PEM chain"),
        Arguments.of("site-40", chain, chain, "not a PEM private key"),
        Arguments.of("site-40", chain, null, "not a PEM private key"));
  }

  @ParameterizedTest(name = "[{index}] {0} -> {3}")
  @MethodSource("badCertificates")
  void givenBadInput_itIsRefusedAndNothingIsWritten(
      String subject, String chain, String key, String fragment) throws Exception {
    Map<String, String> before = nginx.configSnapshot();

    PermanentException refused =
        assertThrows(PermanentException.class, () -> proxy.installCertificate(subject, chain, key));

    assertThat(refused.type()).isEqualTo(FailureType.INVALID_INPUT);
    assertThat(refused.getMessage()).contains(fragment).doesNotContain("PRIVATE KEY-----\n");
    assertThat(nginx.configSnapshot()).isEqualTo(before);
  }

  @Test
  void givenARemovedCertificate_httpsIsNoLongerOffered_andHttpServesWithoutRedirect()
      throws Exception {
    try (Backend site = Backend.start("back to http")) {
      serve(34, "leaving", 54, List.of("leave.test"), site);
      TestCa.Issued certificate = ca.issue("1501", List.of("leave.test"));
      proxy.installCertificate("site-34", certificate.chainPem(), certificate.keyPem());
      assertThat(Http.get(nginx.port(), "leave.test").status()).isEqualTo(301);

      proxy.removeCertificate("site-34");

      Command.Result curl = HttpsProbe.curl(nginx.httpsPort(), "leave.test", "/", ca.certificate());
      assertThat(curl.exitCode()).as("curl over HTTPS: " + curl.output()).isNotZero();
      assertThat(curl.output()).doesNotContain("back to http");
      Http.Response plain = Http.get(nginx.port(), "leave.test");
      assertThat(plain.status()).isEqualTo(200);
      assertThat(plain.body()).isEqualTo("back to http");
      assertThat(tlsFileNames()).noneMatch(name -> name.contains("site-34"));

      proxy.removeCertificate("site-34");
      proxy.removeCertificate("site-999");
      assertThat(Http.get(nginx.port(), "leave.test").status()).isEqualTo(200);
    }
  }

  @Test
  void givenThePlatformWildcard_siteNamesAnswerOverHttps_andStillOverHttp() throws Exception {
    try (Backend site = Backend.start("wild site")) {
      proxy.ensureRoute(new RouteSpec(35, "wild", site.port()));
      TestCa.Issued wildcard = ca.issue("1601", List.of("*.berth.localhost", "berth.localhost"));

      proxy.installCertificate("platform", wildcard.chainPem(), wildcard.keyPem());
      try {
        Command.Result curl =
            HttpsProbe.curl(nginx.httpsPort(), "wild.berth.localhost", "/", ca.certificate());
        assertThat(curl.exitCode()).as(curl.output()).isZero();
        assertThat(curl.output()).isEqualTo("wild site");
        Http.Response plain = Http.get(nginx.port(), "wild.berth.localhost");
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.body()).isEqualTo("wild site");
        assertThat(Files.readString(nginx.tls().resolve("platform.conf")))
            .doesNotContain("return 301");
      } finally {
        proxy.removeCertificate("platform");
      }
    }
  }

  @Test
  void givenACrashLeftAnUncheckedCertificate_theNextChangeRollsItBack() throws Exception {
    try (Backend site = Backend.start("after a crash")) {
      serve(36, "crashed", 56, List.of("crashed.test"), site);
      serve(37, "healthy", 57, List.of("healthy.test"), site);
      // The state a worker leaves when it dies between writing site 36's files and nginx -t.
      for (String name : List.of("site-36.pem", "site-36.key", "site-36.conf")) {
        Files.writeString(nginx.tls().resolve("." + name + ".absent"), "");
      }
      Files.writeString(nginx.tls().resolve("site-36.pem"), "-----BEGIN CERTIFICATE-----\nhalf");
      Files.writeString(nginx.tls().resolve("site-36.key"), "");
      Files.writeString(
          nginx.tls().resolve("site-36.conf"),
          TlsSnippet.render(nginx.prefix(), "site-36", nginx.httpsListen()));
      TestCa.Issued certificate = ca.issue("1701", List.of("healthy.test"));

      proxy.installCertificate("site-37", certificate.chainPem(), certificate.keyPem());

      assertThat(HttpsProbe.curl(nginx.httpsPort(), "healthy.test", "/", ca.certificate()).output())
          .isEqualTo("after a crash");
      assertThat(tlsFileNames()).noneMatch(name -> name.contains("site-36"));
      assertThat(Http.get(nginx.port(), "crashed.test").body()).isEqualTo("after a crash");
    }
  }

  /** A site's own route and a domain route to it, as the site and domain workflows make them. */
  private static void serve(
      long siteId, String siteName, long domainId, List<String> names, Backend site) {
    proxy.ensureRoute(new RouteSpec(siteId, siteName, site.port()));
    proxy.ensureDomainRoute(new DomainRoute(domainId, siteId, names, site.port()));
  }

  private static List<String> tlsFileNames() throws Exception {
    try (Stream<Path> files = Files.list(nginx.tls())) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static Map<String, FileTime> modificationTimes(String subject) throws Exception {
    return Map.of(
        "pem", Files.getLastModifiedTime(nginx.tls().resolve(subject + ".pem")),
        "key", Files.getLastModifiedTime(nginx.tls().resolve(subject + ".key")),
        "conf", Files.getLastModifiedTime(nginx.tls().resolve(subject + ".conf")));
  }
}
