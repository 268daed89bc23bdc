package io.berth.activities.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.activities.dns.BindServer;
import io.berth.activities.dns.DnsConfig;
import io.berth.activities.dns.DnsZones;
import io.berth.activities.dns.RecordType;
import io.berth.activities.testing.PlatformDatabase;
import io.berth.activities.testing.PlatformRows;
import io.berth.persistence.secret.SecretNames;
import io.berth.workflows.certificate.AcmeChallenge;
import io.berth.workflows.certificate.AcmeOrder;
import io.berth.workflows.certificate.CertificateActivities;
import io.berth.workflows.certificate.CertificateSubject;
import io.berth.workflows.certificate.CertificateTarget;
import io.berth.workflows.certificate.ChallengeType;
import io.berth.workflows.certificate.IssuedCertificate;
import io.berth.workflows.certificate.ValidationResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * {@link CertificateActivitiesImpl} as the worker wires it, against the real Pebble (validating
 * HTTP-01 through the host nginx on 8880 and resolving names through BIND on 5300), the real BIND
 * for DNS-01, and the real schema in a fresh PostgreSQL database. The test plays the host side
 * itself: it writes the HTTP-01 files where the shared nginx serves them.
 */
@SpringBootTest(classes = CertificateActivitiesIT.Context.class)
class CertificateActivitiesIT {

  /** The platform's sites domain in this test: a fresh one, so its zone is made here. */
  static final String SITES_DOMAIN = BindServer.newZoneName();

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @EnableJdbcRepositories(basePackages = "io.berth.persistence")
  @Import({DnsConfig.class, AcmeConfig.class, CertificateActivitiesImpl.class})
  static class Context {}

  @DynamicPropertySource
  static void realServices(DynamicPropertyRegistry properties) throws Exception {
    PebbleServer.ensureRunning();
    PlatformDatabase.createFor(properties, "berth_certificate_it");
    PebbleServer.register(properties, SITES_DOMAIN);
    BindServer.register(properties);
  }

  @Autowired CertificateActivities activities;
  @Autowired DnsZones zones;
  @Autowired JdbcClient jdbc;

  private final List<String> createdZones = new ArrayList<>();
  private final List<Path> challengeFiles = new ArrayList<>();

  @AfterEach
  void cleanUp() throws Exception {
    for (Path file : challengeFiles) {
      Files.deleteIfExists(file);
    }
    createdZones.forEach(zones::deleteZone);
  }

  @Test
  void aSiteWithALiveDomain_getsACertificateForTheDomainAndWww_onceHoweverOftenRetried()
      throws Exception {
    String domain = hostedDomainPointingHere();
    CertificateSubject subject = CertificateSubject.site(liveSiteWith(domain, "ACTIVE"));

    CertificateTarget target = activities.target(subject);
    assertThat(target.names()).containsExactly(domain, "www." + domain);
    assertThat(target.hostId()).isEqualTo(PlatformRows.HOST);
    assertThat(target.challenge()).isEqualTo(ChallengeType.HTTP_01);

    AcmeOrder order = activities.placeOrder(subject, target);
    AcmeOrder retried = activities.placeOrder(subject, target);
    assertThat(retried.orderId()).isEqualTo(order.orderId());
    assertThat(orderRows(subject)).isEqualTo(1);
    assertThat(retried.challenges()).isEqualTo(order.challenges());
    assertThat(order.challenges())
        .extracting(AcmeChallenge::identifier)
        .containsExactlyInAnyOrder(domain, "www." + domain);

    serve(order.challenges());
    assertThat(activities.validate(order.orderId()).valid()).isTrue();
    IssuedCertificate issued = activities.finalizeOrder(order.orderId());
    IssuedCertificate again = activities.finalizeOrder(order.orderId());

    assertThat(again).isEqualTo(issued);
    assertThat(certificateRows(subject)).isEqualTo(1);
    assertThat(issued.names()).containsExactly(domain, "www." + domain);
    assertThat(issued.issuer()).startsWith("Pebble Intermediate CA");
    assertThat(issued.notAfter()).isAfter(Instant.now());
    verifiesAgainstPebblesRoot(storedChain(issued.certificateId()), domain);

    activities.recordInstalled(issued.certificateId());
    assertThat(
            jdbc.sql("SELECT installed_at IS NOT NULL FROM certificate WHERE id = :id")
                .param("id", issued.certificateId())
                .query(Boolean.class)
                .single())
        .isTrue();

    AcmeOrder renewal = activities.placeOrder(subject, activities.target(subject));
    assertThat(renewal.orderId()).isNotEqualTo(order.orderId());
    serve(renewal.challenges());
    assertThat(activities.validate(renewal.orderId()).valid()).isTrue();
    IssuedCertificate renewed = activities.finalizeOrder(renewal.orderId());
    assertThat(renewed.serial()).isNotEqualTo(issued.serial());
    assertThat(renewed.names()).isEqualTo(issued.names());
  }

  @Test
  void theAccountKeyIsStoredOnce_encrypted() throws Exception {
    String domain = hostedDomainPointingHere();
    CertificateSubject subject = CertificateSubject.site(liveSiteWith(domain, "ACTIVE"));
    AcmeOrder order = activities.placeOrder(subject, activities.target(subject));

    List<String> stored =
        jdbc.sql("SELECT ciphertext FROM secret WHERE name LIKE 'acme-account:%'")
            .query(String.class)
            .list();
    assertThat(stored).hasSize(1);
    assertThat(stored.get(0)).doesNotContain("PRIVATE KEY").doesNotContain("BEGIN");
    String orderKey =
        jdbc.sql("SELECT ciphertext FROM secret WHERE name = :name")
            .param("name", SecretNames.acmeOrderKey(order.orderId()))
            .query(String.class)
            .single();
    assertThat(orderKey).doesNotContain("PRIVATE KEY");
  }

  @Test
  void aNameWithoutTheChallengeFile_failsValidationInPlainWords_andIssuesNothing() {
    String domain = hostedDomainPointingHere();
    CertificateSubject subject = CertificateSubject.site(liveSiteWith(domain, "ACTIVE"));
    AcmeOrder order = activities.placeOrder(subject, activities.target(subject));

    ValidationResult result = activities.validate(order.orderId());

    assertThat(result.valid()).isFalse();
    assertThat(result.reason()).contains("does not point to this server").contains(domain);
    assertThat(result.problemType()).startsWith("urn:ietf:params:acme:error:");
    assertThat(certificateRows(subject)).isZero();
    assertThat(orderStatus(order.orderId())).isEqualTo("INVALID");
    assertThat(activities.validate(order.orderId()))
        .isEqualTo(ValidationResult.failed(result.reason(), null));
    AcmeOrder next = activities.placeOrder(subject, activities.target(subject));
    assertThat(next.orderId()).isNotEqualTo(order.orderId());
  }

  @Test
  void aNameThatDoesNotResolve_failsWithTheNameAndTheCasWords() {
    String domain = BindServer.newZoneName();
    zones.createZone(domain);
    createdZones.add(domain);
    CertificateSubject subject = CertificateSubject.site(liveSiteWith(domain, "ACTIVE"));
    AcmeOrder order = activities.placeOrder(subject, activities.target(subject));
    serve(order.challenges());

    ValidationResult result = activities.validate(order.orderId());

    assertThat(result.valid()).isFalse();
    assertThat(result.reason()).contains("does not point to this server (the CA said:");
    assertThat(certificateRows(subject)).isZero();
  }

  @Test
  void aSiteWithoutLiveDomains_orGone_hasNothingToCertify() {
    String domain = BindServer.newZoneName();
    long waiting = liveSiteWith(domain, "WAITING_FOR_DNS");
    assertThat(activities.target(CertificateSubject.site(waiting)).isEmpty()).isTrue();

    jdbc.sql("UPDATE site SET status = 'FAILED' WHERE id = :id").param("id", waiting).update();
    jdbc.sql("UPDATE domain SET status = 'ACTIVE' WHERE site_id = :id")
        .param("id", waiting)
        .update();
    assertThat(activities.target(CertificateSubject.site(waiting)).isEmpty()).isTrue();
    assertThat(activities.target(CertificateSubject.site(987_654_321L)).isEmpty()).isTrue();
  }

  @Test
  void thePlatformWildcard_isIssuedWithDns01OnBerthsOwnDns() throws Exception {
    createdZones.add(SITES_DOMAIN);
    CertificateSubject platform = CertificateSubject.PLATFORM;
    CertificateTarget target = activities.target(platform);
    assertThat(target.names()).containsExactly("*." + SITES_DOMAIN, SITES_DOMAIN);
    assertThat(target.challenge()).isEqualTo(ChallengeType.DNS_01);
    assertThat(target.hostId()).isEqualTo(PlatformRows.HOST);

    AcmeOrder order = activities.placeOrder(platform, target);
    assertThat(order.challenges())
        .extracting(AcmeChallenge::name)
        .containsOnly("_acme-challenge." + SITES_DOMAIN);
    activities.publishDnsChallenges(order.orderId());
    activities.publishDnsChallenges(order.orderId());
    assertThat(txt("_acme-challenge." + SITES_DOMAIN))
        .containsExactlyInAnyOrderElementsOf(
            order.challenges().stream().map(AcmeChallenge::content).toList());

    assertThat(activities.validate(order.orderId()).valid()).isTrue();
    IssuedCertificate issued = activities.finalizeOrder(order.orderId());
    activities.withdrawDnsChallenges(order.orderId());
    activities.withdrawDnsChallenges(order.orderId());

    assertThat(issued.names()).containsExactly("*." + SITES_DOMAIN, SITES_DOMAIN);
    verifiesAgainstPebblesRoot(storedChain(issued.certificateId()), "*." + SITES_DOMAIN);
    assertThat(txt("_acme-challenge." + SITES_DOMAIN)).isEmpty();
  }

  // --- helpers

  /** A hosted zone whose apex and www point at this machine. */
  private String hostedDomainPointingHere() {
    String domain = BindServer.newZoneName();
    zones.createZone(domain);
    createdZones.add(domain);
    zones.replaceRecordSet(domain, "@", RecordType.A, 60, List.of("127.0.0.1"));
    zones.replaceRecordSet(domain, "www", RecordType.A, 60, List.of("127.0.0.1"));
    return domain;
  }

  /** A running site on {@link PlatformRows#HOST} with the domain attached in that status. */
  private long liveSiteWith(String domain, String domainStatus) {
    PlatformRows rows = new PlatformRows(jdbc);
    long customer = rows.customer();
    int port = 20000 + (int) (Math.random() * 9000);
    long site = rows.site(customer, PlatformRows.uniqueName("cert"), "static", null, port);
    jdbc.sql("UPDATE site SET status = 'RUNNING' WHERE id = :id").param("id", site).update();
    jdbc.sql(
            "INSERT INTO domain (customer_id, name, mode, status, site_id, dns_seen)"
                + " VALUES (:c, :name, 'HOSTED', :status, :site, :seen)")
        .param("c", customer)
        .param("name", domain)
        .param("status", domainStatus)
        .param("site", site)
        .param("seen", "ACTIVE".equals(domainStatus))
        .update();
    return site;
  }

  /** What the host activities do for HTTP-01: one file per token, served by nginx. */
  private void serve(List<AcmeChallenge> challenges) {
    try {
      Files.createDirectories(PebbleServer.challengeDirectory());
      for (AcmeChallenge challenge : challenges) {
        Path file = PebbleServer.challengeDirectory().resolve(challenge.name());
        Files.writeString(file, challenge.content(), StandardCharsets.US_ASCII);
        challengeFiles.add(file);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private int orderRows(CertificateSubject subject) {
    return jdbc.sql("SELECT count(*) FROM acme_order WHERE subject = :s")
        .param("s", subject.key())
        .query(Integer.class)
        .single();
  }

  private int certificateRows(CertificateSubject subject) {
    return jdbc.sql("SELECT count(*) FROM certificate WHERE subject = :s")
        .param("s", subject.key())
        .query(Integer.class)
        .single();
  }

  private String orderStatus(long orderId) {
    return jdbc.sql("SELECT status FROM acme_order WHERE id = :id")
        .param("id", orderId)
        .query(String.class)
        .single();
  }

  private List<X509Certificate> storedChain(long certificateId) throws Exception {
    String pem =
        jdbc.sql("SELECT chain_pem FROM certificate WHERE id = :id")
            .param("id", certificateId)
            .query(String.class)
            .single();
    List<X509Certificate> chain = new ArrayList<>();
    for (var c :
        CertificateFactory.getInstance("X.509")
            .generateCertificates(
                new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
      chain.add((X509Certificate) c);
    }
    return chain;
  }

  /** The chain as a TLS client checks it: up to Pebble's root, with the name among its SANs. */
  private static void verifiesAgainstPebblesRoot(List<X509Certificate> chain, String name)
      throws Exception {
    assertThat(chain).hasSizeGreaterThanOrEqualTo(2);
    PKIXParameters parameters =
        new PKIXParameters(Set.of(new TrustAnchor(PebbleServer.issuingRoot(), null)));
    parameters.setRevocationEnabled(false);
    CertPathValidator.getInstance("PKIX")
        .validate(CertificateFactory.getInstance("X.509").generateCertPath(chain), parameters);
    assertThat(IssuedChain.names(chain.get(0))).contains(name);
  }

  private static List<String> txt(String owner) throws Exception {
    SimpleResolver resolver = new SimpleResolver(BindServer.HOST);
    resolver.setPort(BindServer.port());
    Name name = Name.fromString(owner + ".");
    Message answer = resolver.send(Message.newQuery(Record.newRecord(name, Type.TXT, DClass.IN)));
    List<String> values = new ArrayList<>();
    for (Record record : answer.getSection(Section.ANSWER)) {
      if (record instanceof org.xbill.DNS.TXTRecord t) {
        values.add(String.join("", t.getStrings()));
      }
    }
    return values;
  }
}
