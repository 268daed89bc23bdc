package io.berth.activities.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.berth.activities.dns.BindServer;
import io.berth.activities.dns.DnsConfig;
import io.berth.activities.dns.DnsZones;
import io.berth.activities.dns.RecordType;
import io.berth.activities.proxy.CertificateHostActivitiesImpl;
import io.berth.activities.proxy.Command;
import io.berth.activities.proxy.ProxyConfig;
import io.berth.activities.proxy.ReverseProxy;
import io.berth.activities.testing.PlatformDatabase;
import io.berth.activities.testing.PlatformRows;
import io.berth.workflows.certificate.AcmeChallenge;
import io.berth.workflows.certificate.AcmeOrder;
import io.berth.workflows.certificate.CertificateActivities;
import io.berth.workflows.certificate.CertificateHostActivities;
import io.berth.workflows.certificate.CertificateSubject;
import io.berth.workflows.certificate.CertificateTarget;
import io.berth.workflows.certificate.ChallengeType;
import io.berth.workflows.certificate.IssuedCertificate;
import io.berth.workflows.certificate.ValidationResult;
import io.berth.workflows.domain.DomainRoute;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A site's certificate from order to HTTPS, with every part real: the control-queue activities and
 * the host activities as the worker wires them, called in the order {@code CertificateWorkflowImpl}
 * calls them, against Pebble (validating HTTP-01 through the shared nginx on 8880 and resolving
 * names through BIND on 5300), the shared nginx serving the result on 8443, and the real schema in
 * a fresh PostgreSQL database. A visitor trusting only Pebble's root checks what is served.
 *
 * <p>Pebble 2.4.0 does not check CAA records (letsencrypt/pebble#476; its validation authority has
 * no CAA lookup), so a CAA refusal cannot be shown here.
 */
@SpringBootTest(classes = CertificateJourneyIT.Context.class)
class CertificateJourneyIT {

  static final int HTTP_PORT = 8880;
  static final int HTTPS_PORT = 8443;

  /**
   * Where a customer's A record points when it no longer points here: a loopback address the shared
   * nginx does not listen on (it listens on 127.0.0.1 only), so Pebble's HTTP-01 request is refused
   * at once, without any traffic leaving the machine.
   */
  static final String NOTHING_ANSWERS = "127.0.0.2";

  /** The platform's sites domain: unused here, fresh so that nothing of it meets another test. */
  static final String SITES_DOMAIN = BindServer.newZoneName();

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @EnableJdbcRepositories(basePackages = "io.berth.persistence")
  @Import({
    DnsConfig.class,
    AcmeConfig.class,
    CertificateActivitiesImpl.class,
    ProxyConfig.class,
    CertificateHostActivitiesImpl.class
  })
  static class Context {}

  @DynamicPropertySource
  static void realServices(DynamicPropertyRegistry properties) throws Exception {
    PebbleServer.ensureRunning();
    PlatformDatabase.createFor(properties, "berth_certificate_journey_it");
    PebbleServer.register(properties, SITES_DOMAIN);
    properties.add("berth.proxy.prefix", () -> PebbleServer.home().resolve("nginx").toString());
    properties.add("berth.proxy.listen", () -> "127.0.0.1:" + HTTP_PORT);
    properties.add("berth.proxy.https-listen", () -> "127.0.0.1:" + HTTPS_PORT);
    BindServer.register(properties);
  }

  @Autowired CertificateActivities ca;

  @Autowired
  @Qualifier("certificateHostActivities")
  CertificateHostActivities host;

  @Autowired ReverseProxy proxy;
  @Autowired DnsZones zones;
  @Autowired JdbcClient jdbc;

  /** Undone in reverse order after each test, also when it fails half way. */
  private final Deque<Cleanup> cleanups = new ArrayDeque<>();

  private interface Cleanup {
    void run() throws Exception;
  }

  @AfterEach
  void cleanUp() throws Exception {
    Exception first = null;
    while (!cleanups.isEmpty()) {
      try {
        cleanups.pop().run();
      } catch (Exception e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  @Test
  void aSiteWithALiveDomain_isServedOverHttpsWithPebblesCertificate_andRenewedWithANewSerial()
      throws Exception {
    LiveSite site = liveSite("the journey site");
    HttpsVisitor visitor = visitorTrustingPebble();

    IssuedCertificate first = issueAndInstall(site.subject());

    assertThat(first.names()).containsExactly(site.domain(), "www." + site.domain());
    for (String name : site.names()) {
      Command.Result https = visitor.https(name, HTTPS_PORT);
      assertThat(https.exitCode()).as(name + ": " + https.output()).isZero();
      assertThat(https.output()).as(name).isEqualTo("the journey site");
      assertThat(visitor.servedSerial(name, HTTPS_PORT)).as(name).isEqualTo(first.serial());
      assertThat(visitor.http(name, HTTP_PORT).output())
          .as(name)
          .isEqualTo("301 https://" + name + ":" + HTTPS_PORT + "/");
    }

    IssuedCertificate renewed = issueAndInstall(site.subject());

    assertThat(renewed.certificateId()).isNotEqualTo(first.certificateId());
    assertThat(renewed.serial()).isNotEqualTo(first.serial());
    assertThat(renewed.names()).isEqualTo(first.names());
    for (String name : site.names()) {
      assertThat(visitor.servedSerial(name, HTTPS_PORT)).as(name).isEqualTo(renewed.serial());
      Command.Result https = visitor.https(name, HTTPS_PORT);
      assertThat(https.exitCode()).as(name + ": " + https.output()).isZero();
      assertThat(https.output()).as(name).isEqualTo("the journey site");
    }
  }

  @Test
  void eachStepRunTwice_makesOneOrder_oneCertificate_andServesTheSameSerial() throws Exception {
    LiveSite site = liveSite("served once");
    HttpsVisitor visitor = visitorTrustingPebble();
    CertificateTarget target = ca.target(site.subject());

    AcmeOrder order = ca.placeOrder(site.subject(), target);
    AcmeOrder retried = ca.placeOrder(site.subject(), target);

    assertThat(retried.orderId()).isEqualTo(order.orderId());
    assertThat(retried.challenges()).isEqualTo(order.challenges());
    assertThat(rows("acme_order", site.subject())).isEqualTo(1);

    ValidationResult result = validateWithChallenges(order);
    assertThat(result.valid()).as(result.reason()).isTrue();
    IssuedCertificate issued = ca.finalizeOrder(order.orderId());
    IssuedCertificate again = ca.finalizeOrder(order.orderId());

    assertThat(again).isEqualTo(issued);
    assertThat(rows("certificate", site.subject())).isEqualTo(1);

    host.install(issued.certificateId());
    host.install(issued.certificateId());
    ca.recordInstalled(issued.certificateId());
    ca.recordInstalled(issued.certificateId());

    for (String name : site.names()) {
      assertThat(visitor.servedSerial(name, HTTPS_PORT)).as(name).isEqualTo(issued.serial());
      assertThat(visitor.https(name, HTTPS_PORT).output()).as(name).isEqualTo("served once");
    }
    assertThat(rows("acme_order", site.subject())).isEqualTo(1);
    assertThat(rows("certificate", site.subject())).isEqualTo(1);
    assertThat(installedSerials(site.subject())).containsExactly(issued.serial());
  }

  @Test
  void aFailedRenewal_neverReplacesTheWorkingCertificate() throws Exception {
    LiveSite site = liveSite("still served");
    HttpsVisitor visitor = visitorTrustingPebble();
    IssuedCertificate working = issueAndInstall(site.subject());
    assertServed(visitor, site, working.serial(), "still served");
    long workingOrder = orderOf(working);

    // Both names point away: Pebble still reuses a valid authorization now and then (about 1 in
    // 100 per name even with PEBBLE_AUTHZREUSE=0), and whichever name it does check must fail.
    pointNames(site.domain(), NOTHING_ANSWERS);
    AcmeOrder renewal = ca.placeOrder(site.subject(), ca.target(site.subject()));

    assertThat(renewal.orderId()).isNotEqualTo(workingOrder);
    assertThat(renewal.challenges())
        .isNotEmpty()
        .extracting(AcmeChallenge::identifier)
        .isSubsetOf(site.names());
    ValidationResult refused = validateWithChallenges(renewal);

    assertThat(refused.valid()).isFalse();
    assertThat(refused.reason())
        .matches(
            "(?s)(www\\.)?" + Pattern.quote(site.domain()) + " does not point to this server.*");
    assertThat(orderStatus(renewal.orderId())).containsExactly("INVALID", refused.reason());
    assertThat(rows("certificate", site.subject())).isEqualTo(1);
    assertThat(installedSerials(site.subject())).containsExactly(working.serial());
    assertServed(visitor, site, working.serial(), "still served");

    pointNames(site.domain(), "127.0.0.1");
    IssuedCertificate renewed = issueAndInstall(site.subject());

    assertThat(orderOf(renewed)).isNotIn(workingOrder, renewal.orderId());
    assertThat(renewed.serial()).isNotEqualTo(working.serial());
    assertServed(visitor, site, renewed.serial(), "still served");
    assertThat(orderStatus(renewal.orderId())).containsExactly("INVALID", refused.reason());
  }

  // --- the workflow's steps

  /** One cycle of {@code CertificateWorkflowImpl}: order → validate → issue → install. */
  private IssuedCertificate issueAndInstall(CertificateSubject subject) {
    CertificateTarget target = ca.target(subject);
    assertThat(target.hostId()).isEqualTo(PlatformRows.HOST);
    assertThat(target.challenge()).isEqualTo(ChallengeType.HTTP_01);
    AcmeOrder order = ca.placeOrder(subject, target);
    ValidationResult result = validateWithChallenges(order);
    assertThat(result.valid()).as(result.reason()).isTrue();
    IssuedCertificate issued = ca.finalizeOrder(order.orderId());
    host.install(issued.certificateId());
    ca.recordInstalled(issued.certificateId());
    return issued;
  }

  /** Challenge files published on the host for the validation, and withdrawn whatever it says. */
  private ValidationResult validateWithChallenges(AcmeOrder order) {
    List<AcmeChallenge> http =
        order.challenges().stream().filter(c -> c.type() == ChallengeType.HTTP_01).toList();
    try {
      if (!http.isEmpty()) {
        host.publishHttpChallenges(http);
      }
      return ca.validate(order.orderId());
    } finally {
      if (!http.isEmpty()) {
        host.withdrawHttpChallenges(http);
      }
    }
  }

  // --- set-up

  /** A site's domain and its {@code www.} as the visitor types them. */
  private record LiveSite(CertificateSubject subject, String domain) {
    List<String> names() {
      return List.of(domain, "www." + domain);
    }
  }

  /**
   * A running static site answering {@code body} on a loopback port, with an ACTIVE hosted domain
   * whose apex and www point here on BIND, routed through the shared nginx; all of it undone after
   * the test, its certificate files included.
   */
  private LiveSite liveSite(String body) throws Exception {
    HttpServer backend = backend(body);
    cleanups.push(() -> backend.stop(0));

    String domain = BindServer.newZoneName();
    zones.createZone(domain);
    cleanups.push(() -> zones.deleteZone(domain));
    zones.replaceRecordSet(domain, "@", RecordType.A, 60, List.of("127.0.0.1"));
    zones.replaceRecordSet(domain, "www", RecordType.A, 60, List.of("127.0.0.1"));

    PlatformRows rows = new PlatformRows(jdbc);
    long customer = rows.customer();
    int port = backend.getAddress().getPort();
    long siteId = rows.site(customer, PlatformRows.uniqueName("journey"), "static", null, port);
    jdbc.sql("UPDATE site SET status = 'RUNNING' WHERE id = :id").param("id", siteId).update();
    long domainId = activeDomain(customer, domain, siteId);
    CertificateSubject subject = CertificateSubject.site(siteId);

    cleanups.push(() -> host.uninstall(subject));
    cleanups.push(() -> proxy.removeDomainRoute(domainId));
    proxy.ensureDomainRoute(
        new DomainRoute(domainId, siteId, List.of(domain, "www." + domain), port));
    return new LiveSite(subject, domain);
  }

  /**
   * The domain row as the panel leaves it once DNS points here. Its id is drawn from 900000 and up
   * (like the other ids of {@link PlatformDatabase}), so its {@code domain-<id>.conf} on the shared
   * nginx never replaces a running platform's.
   */
  private long activeDomain(long customer, String name, long siteId) {
    return jdbc.sql(
            "INSERT INTO domain (id, customer_id, name, mode, status, site_id, dns_seen)"
                + " OVERRIDING SYSTEM VALUE"
                + " VALUES (:id, :c, :name, 'HOSTED', 'ACTIVE', :site, true) RETURNING id")
        .param("id", 900_000 + ThreadLocalRandom.current().nextLong(8_000_000))
        .param("c", customer)
        .param("name", name)
        .param("site", siteId)
        .query(Long.class)
        .single();
  }

  /** Stands in for the site's container: every request gets the body. */
  private static HttpServer backend(String body) throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    return server;
  }

  /** A visitor trusting the root Pebble issues under, fetched from its management API. */
  private HttpsVisitor visitorTrustingPebble() throws Exception {
    Path rootPem = Files.createTempFile("pebble-root", ".pem");
    cleanups.push(() -> Files.deleteIfExists(rootPem));
    return HttpsVisitor.trusting(PebbleServer.issuingRoot(), rootPem);
  }

  /** What a visitor trusting only Pebble's root gets for every name of the site on 8443. */
  private static void assertServed(HttpsVisitor visitor, LiveSite site, String serial, String body)
      throws Exception {
    for (String name : site.names()) {
      assertThat(visitor.servedSerial(name, HTTPS_PORT)).as(name).isEqualTo(serial);
      Command.Result https = visitor.https(name, HTTPS_PORT);
      assertThat(https.exitCode()).as(name + ": " + https.output()).isZero();
      assertThat(https.output()).as(name).isEqualTo(body);
    }
  }

  private long orderOf(IssuedCertificate certificate) {
    return jdbc.sql("SELECT order_id FROM certificate WHERE id = :id")
        .param("id", certificate.certificateId())
        .query(Long.class)
        .single();
  }

  /** The order row's status and failure, as support reads them. */
  private List<String> orderStatus(long orderId) {
    return jdbc.sql("SELECT status, failure FROM acme_order WHERE id = :id")
        .param("id", orderId)
        .query((row, i) -> Arrays.asList(row.getString(1), row.getString(2)))
        .single();
  }

  private int rows(String table, CertificateSubject subject) {
    return jdbc.sql("SELECT count(*) FROM " + table + " WHERE subject = :s")
        .param("s", subject.key())
        .query(Integer.class)
        .single();
  }

  private List<String> installedSerials(CertificateSubject subject) {
    return jdbc.sql(
            "SELECT serial FROM certificate WHERE subject = :s AND installed_at IS NOT NULL")
        .param("s", subject.key())
        .query(String.class)
        .list();
  }

  /** Points the domain and its {@code www.} at the address, as a customer's DNS change would. */
  private void pointNames(String domain, String address) {
    for (String owner : List.of("@", "www")) {
      zones.replaceRecordSet(domain, owner, RecordType.A, 60, List.of(address));
    }
  }
}
