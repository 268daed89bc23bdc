package io.berth.activities.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.berth.activities.common.PermanentException;
import io.berth.activities.testing.PlatformDatabase;
import io.berth.persistence.certificate.AcmeOrderRepository;
import io.berth.persistence.certificate.AcmeOrderRow;
import io.berth.persistence.certificate.CertificateRepository;
import io.berth.persistence.certificate.CertificateRow;
import io.berth.persistence.secret.SecretNames;
import io.berth.persistence.secret.SecretStore;
import io.berth.workflows.certificate.AcmeChallenge;
import io.berth.workflows.certificate.CertificateHostActivities;
import io.berth.workflows.certificate.CertificateSubject;
import io.berth.workflows.certificate.ChallengeType;
import io.berth.workflows.common.FailureType;
import io.berth.workflows.domain.DomainRoute;
import io.berth.workflows.site.RouteSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link CertificateHostActivitiesImpl} as the worker finds it (the component {@code
 * certificateHostActivities}, its proxy configured by {@code berth.proxy.*}), on a real nginx, the
 * real schema in a fresh PostgreSQL database and the encrypted secret store.
 */
@SpringBootTest(classes = CertificateHostActivitiesIT.Context.class)
class CertificateHostActivitiesIT {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @EnableJdbcRepositories(basePackages = "io.berth.persistence")
  @Import({ProxyConfig.class, CertificateHostActivitiesImpl.class})
  static class Context {}

  private static NginxInstance nginx;
  private static TestCa ca;
  private static Path scratch;

  @DynamicPropertySource
  static void freshDatabaseAndOwnNginx(DynamicPropertyRegistry properties) throws Exception {
    PlatformDatabase.createFor(properties, "berth_certificate_host_it");
    scratch = Files.createTempDirectory("berth-certificate-host-it");
    properties.add("berth.secrets.key-file", () -> scratch.resolve("secrets.key").toString());
    ca = TestCa.create(scratch);
    nginx = NginxInstance.start();
    properties.add("berth.proxy.prefix", () -> nginx.prefix().toString());
    properties.add("berth.proxy.listen", nginx::listen);
    properties.add("berth.proxy.https-listen", nginx::httpsListen);
  }

  /** Stops nginx and deletes the throwaway CA and secrets key. */
  @AfterAll
  static void stopNginx() throws Exception {
    if (nginx != null) {
      nginx.close();
    }
    if (scratch != null) {
      try (Stream<Path> files = Files.walk(scratch)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  @Autowired
  @Qualifier("certificateHostActivities")
  CertificateHostActivities activities;

  @Autowired ReverseProxy proxy;
  @Autowired AcmeOrderRepository orders;
  @Autowired CertificateRepository certificates;
  @Autowired SecretStore secrets;

  @Test
  void publishedChallenges_areServedForAnyName_throughSiteAndDomainRoutes_untilWithdrawn()
      throws Exception {
    try (Backend site = Backend.start("the site, not a challenge")) {
      proxy.ensureRoute(new RouteSpec(60, "acmesite", site.port()));
      proxy.ensureDomainRoute(
          new DomainRoute(70, 60, List.of("acme.test", "www.acme.test"), site.port()));
      List<AcmeChallenge> challenges =
          List.of(
              new AcmeChallenge(ChallengeType.HTTP_01, "acme.test", "tok-A_1", "tok-A_1.thumb"),
              new AcmeChallenge(ChallengeType.HTTP_01, "www.acme.test", "tokB2", "tokB2.thumb"),
              new AcmeChallenge(
                  ChallengeType.DNS_01,
                  "acme.test",
                  "_acme-challenge.acme.test",
                  "dns-digest-value"));

      activities.publishHttpChallenges(challenges);
      activities.publishHttpChallenges(challenges);

      List<String> hosts =
          List.of(
              "anything.example", "acmesite.berth.localhost", "acme.test", "www.acme.test:8080");
      for (String host : hosts) {
        Http.Response first = challenge(host, "tok-A_1");
        assertThat(first.status()).as(host).isEqualTo(200);
        assertThat(first.body()).as(host).isEqualTo("tok-A_1.thumb");
        assertThat(first.header("Content-Type")).as(host).startsWith("text/plain");
        assertThat(challenge(host, "tokB2").body()).as(host).isEqualTo("tokB2.thumb");
      }
      assertThat(challengeFiles()).containsExactly("tok-A_1", "tokB2");
      assertThat(Http.get(nginx.port(), "acme.test").body()).isEqualTo("the site, not a challenge");

      activities.withdrawHttpChallenges(challenges);
      activities.withdrawHttpChallenges(challenges);

      for (String host : hosts) {
        assertThat(challenge(host, "tok-A_1").status()).as(host).isEqualTo(404);
      }
      assertThat(challengeFiles()).isEmpty();
    }
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {"../x", "a/b", "", ".", "..", "a.b", "x y", "%2e%2e", "tok\n", "t\u00f6k"})
  void aBadToken_isRefused_andNothingIsWritten(String token) throws Exception {
    var before = nginx.configSnapshot();
    List<AcmeChallenge> challenges =
        Arrays.asList(
            new AcmeChallenge(ChallengeType.HTTP_01, "ok.test", "goodToken", "goodToken.t"),
            new AcmeChallenge(ChallengeType.HTTP_01, "bad.test", token, "whatever.t"));

    PermanentException refused =
        assertThrows(PermanentException.class, () -> activities.publishHttpChallenges(challenges));

    assertThat(refused.type()).isEqualTo(FailureType.INVALID_INPUT);
    assertThat(refused.getMessage()).contains("base64url");
    assertThat(challengeFiles()).isEmpty();
    assertThat(nginx.configSnapshot()).isEqualTo(before);
    assertThrows(PermanentException.class, () -> activities.withdrawHttpChallenges(challenges));
  }

  @Test
  void install_servesTheStoredCertificateWithItsKey_onceOnly_untilUninstalled() throws Exception {
    try (Backend site = Backend.start("stored and served")) {
      proxy.ensureRoute(new RouteSpec(61, "stored", site.port()));
      proxy.ensureDomainRoute(
          new DomainRoute(71, 61, List.of("stored.test", "www.stored.test"), site.port()));
      long certificateId = storedCertificate("site-61", "1801", "stored.test", "www.stored.test");

      activities.install(certificateId);

      for (String host : List.of("stored.test", "www.stored.test")) {
        Command.Result curl = HttpsProbe.curl(nginx.httpsPort(), host, "/", ca.certificate());
        assertThat(curl.exitCode()).as(curl.output()).isZero();
        assertThat(curl.output()).isEqualTo("stored and served");
      }
      assertThat(HttpsProbe.servedSerial(nginx.httpsPort(), "stored.test", ca.certificate()))
          .isEqualTo("1801");
      assertThat(Http.get(nginx.port(), "stored.test").status()).isEqualTo(301);
      Set<Long> workers = nginx.awaitSettledWorkers();

      activities.install(certificateId);

      Thread.sleep(300);
      assertThat(nginx.workerPids()).as("no reload for the same certificate").isEqualTo(workers);

      activities.uninstall(CertificateSubject.site(61));

      Command.Result curl =
          HttpsProbe.curl(nginx.httpsPort(), "stored.test", "/", ca.certificate());
      assertThat(curl.exitCode()).as("curl over HTTPS: " + curl.output()).isNotZero();
      Http.Response plain = Http.get(nginx.port(), "stored.test");
      assertThat(plain.status()).isEqualTo(200);
      assertThat(plain.body()).isEqualTo("stored and served");
      activities.uninstall(CertificateSubject.site(61));
    }
  }

  @Test
  void install_ofAnUnknownCertificate_orOneWhoseKeyIsGone_isNotFound() throws Exception {
    var before = nginx.configSnapshot();
    long keyless = storedCertificate("site-62", "1901", "keyless.test");
    secrets.delete(
        SecretNames.acmeOrderKey(certificates.findById(keyless).orElseThrow().orderId()));

    PermanentException unknown =
        assertThrows(PermanentException.class, () -> activities.install(Long.MAX_VALUE));
    PermanentException noKey =
        assertThrows(PermanentException.class, () -> activities.install(keyless));

    assertThat(unknown.type()).isEqualTo(FailureType.NOT_FOUND);
    assertThat(unknown.getMessage()).isEqualTo("There is no certificate " + Long.MAX_VALUE + ".");
    assertThat(noKey.type()).isEqualTo(FailureType.NOT_FOUND);
    assertThat(noKey.getMessage()).contains("private key of certificate " + keyless);
    assertThat(nginx.configSnapshot()).isEqualTo(before);
  }

  /**
   * An order, its key in the secret store and its certificate, as the control queue leaves them.
   */
  private long storedCertificate(String subject, String serialHex, String... names)
      throws Exception {
    TestCa.Issued issued = ca.issue(serialHex, List.of(names));
    AcmeOrderRow order =
        orders.save(AcmeOrderRow.pending(subject, List.of(names), ChallengeType.HTTP_01));
    secrets.put(SecretNames.acmeOrderKey(order.id()), issued.keyPem());
    Instant now = Instant.now();
    CertificateRow row =
        certificates.save(
            new CertificateRow(
                null,
                subject,
                order.id(),
                AcmeOrderRow.joinNames(List.of(names)),
                serialHex,
                "CN=Berth Test CA",
                now,
                now.plus(Duration.ofDays(1)),
                issued.chainPem(),
                null,
                now));
    return row.id();
  }

  private static Http.Response challenge(String host, String token) throws Exception {
    return Http.request(
        "GET", nginx.port(), host, "/.well-known/acme-challenge/" + token, Map.of());
  }

  private static List<String> challengeFiles() throws Exception {
    Path directory = nginx.prefix().resolve("acme-challenge/.well-known/acme-challenge");
    try (Stream<Path> files = Files.list(directory)) {
      return new ArrayList<>(files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }
}
