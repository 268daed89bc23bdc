package io.berth.activities.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.berth.activities.common.PermanentException;
import io.berth.activities.dns.BindServer;
import io.berth.activities.dns.DnsConfig;
import io.berth.activities.dns.DnsZones;
import io.berth.activities.dns.RecordType;
import io.berth.persistence.domain.DnsRecordSetRepository;
import io.berth.persistence.domain.DnsRecordSetRow;
import io.berth.persistence.domain.Domain;
import io.berth.persistence.domain.DomainRepository;
import io.berth.workflows.common.FailureType;
import io.berth.workflows.domain.DnsCheck;
import io.berth.workflows.domain.DnsRecordSet;
import io.berth.workflows.domain.DomainActivities;
import io.berth.workflows.domain.DomainMode;
import io.berth.workflows.domain.DomainStatus;
import io.berth.workflows.domain.RecordSetChange;
import io.berth.workflows.domain.SiteEndpoint;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
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
import org.xbill.DNS.ZoneTransferIn;

/**
 * {@link DomainActivitiesImpl} as the worker wires it, against the real BIND (zones, records,
 * lookups) and the real schema in a fresh PostgreSQL database.
 */
@SpringBootTest(classes = DomainActivitiesIT.Context.class)
class DomainActivitiesIT {

  private static final String DATABASE = "berth_domain_it";

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @EnableJdbcRepositories(basePackages = "io.berth.persistence")
  @Import({DnsConfig.class, DomainActivitiesImpl.class})
  static class Context {}

  @DynamicPropertySource
  static void freshDatabaseAndLocalBind(DynamicPropertyRegistry properties) throws Exception {
    BindServer.ensureRunning();
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/postgres", "berth", "berth");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + DATABASE);
    }
    properties.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:5432/" + DATABASE);
    properties.add("spring.datasource.username", () -> "berth");
    properties.add("spring.datasource.password", () -> "berth");
    BindServer.register(properties);
    properties.add("berth.dns.default-ttl", () -> 600);
  }

  @Autowired DomainActivities activities;
  @Autowired DnsZones zones;
  @Autowired DomainRepository domains;
  @Autowired DnsRecordSetRepository recordSets;
  @Autowired JdbcClient jdbc;

  private final List<String> createdZones = new ArrayList<>();

  @AfterEach
  void dropZones() {
    createdZones.forEach(zones::deleteZone);
  }

  @Test
  void theActivitiesRunInSpringTransactions() {
    assertThat(AopUtils.isAopProxy(activities)).isTrue();
  }

  @Test
  void creatingTheZoneTwice_servesItOnce() throws Exception {
    long customer = newCustomer();
    String name = newZoneName();
    long domain = newDomain(customer, name, DomainMode.HOSTED, null);

    activities.createZone(domain);
    long serial = zones.serial(name);
    activities.createZone(domain);

    assertThat(zones.zoneExists(name)).isTrue();
    assertThat(zones.serial(name)).isEqualTo(serial);
    assertThat(rdata(name, Type.NS)).containsExactly("ns1.berth.test.");
  }

  @Test
  void defaultRecords_pointTheApexAtTheSitesHostAndWwwAtTheApex() throws Exception {
    long customer = newCustomer();
    String host = newHost("192.0.2.44", "now()");
    long site = newSite(customer, host, 20001, "RUNNING");
    String name = newZoneName();
    long domain = newDomain(customer, name, DomainMode.HOSTED, site);
    activities.createZone(domain);

    activities.ensureDefaultRecords(domain);

    assertThat(rdata(name, Type.A)).containsExactly("192.0.2.44");
    assertThat(rdata("www." + name, Type.CNAME)).containsExactly(name + ".");
    assertThat(answer(name, Type.A)).allSatisfy(r -> assertThat(r.getTTL()).isEqualTo(600));
    assertThat(recordSets.findByDomainId(domain))
        .extracting(
            DnsRecordSetRow::name,
            DnsRecordSetRow::type,
            DnsRecordSetRow::ttl,
            DnsRecordSetRow::data,
            DnsRecordSetRow::managed)
        .containsExactly(
            tuple("@", "A", 600L, "192.0.2.44", true), tuple("www", "CNAME", 600L, name, true));

    long serial = zones.serial(name);
    List<Record> zone = axfr(name);
    activities.ensureDefaultRecords(domain);
    assertThat(zones.serial(name)).as("running again changes nothing").isEqualTo(serial);
    assertThat(axfr(name)).isEqualTo(zone);
    assertThat(recordSets.findByDomainId(domain)).hasSize(2);
  }

  @Test
  void defaultRecords_withoutAnAttachedSite_useTheHostOfTheCustomersSites() throws Exception {
    long customer = newCustomer();
    newSite(customer, newHost("192.0.2.45", "now()"), 20002, "STOPPED");
    String name = newZoneName();
    long domain = newDomain(customer, name, DomainMode.HOSTED, null);
    activities.createZone(domain);

    activities.ensureDefaultRecords(domain);

    assertThat(rdata(name, Type.A)).containsExactly("192.0.2.45");
  }

  @Test
  void defaultRecords_withoutAnAttachedSite_skipTheHostOfADeletedSite() throws Exception {
    long customer = newCustomer();
    newSite(customer, newHost("192.0.2.47", "now()"), 20003, "DELETED");
    newSite(customer, newHost("192.0.2.48", "now()"), 20004, "RUNNING");
    String name = newZoneName();
    long domain = newDomain(customer, name, DomainMode.HOSTED, null);
    activities.createZone(domain);

    activities.ensureDefaultRecords(domain);

    assertThat(rdata(name, Type.A)).containsExactly("192.0.2.48");
  }

  @Test
  void defaultRecords_forACustomerWithoutSites_useTheLastSeenHost() throws Exception {
    newHost("192.0.2.46", "now() + interval '1 day'");
    String name = newZoneName();
    long domain = newDomain(newCustomer(), name, DomainMode.HOSTED, null);
    activities.createZone(domain);

    activities.ensureDefaultRecords(domain);

    assertThat(rdata(name, Type.A)).containsExactly("192.0.2.46");
  }

  @Test
  void defaultRecords_leaveTheCustomersOwnRecordsAlone() throws Exception {
    long customer = newCustomer();
    long site = newSite(customer, newHost("192.0.2.47", "now()"), 20003, "RUNNING");
    String name = newZoneName();
    long domain = newDomain(customer, name, DomainMode.HOSTED, site);
    activities.createZone(domain);
    activities.applyRecordSet(domain, change("www", "A", "192.0.2.99"));

    activities.ensureDefaultRecords(domain);

    assertThat(rdata("www." + name, Type.A)).containsExactly("192.0.2.99");
    assertThat(rdata("www." + name, Type.CNAME)).isEmpty();
    assertThat(row(domain, "www", "A").managed()).isFalse();
    assertThat(rdata(name, Type.A)).containsExactly("192.0.2.47");

    activities.applyRecordSet(domain, change("@", "A", "192.0.2.5"));
    activities.ensureDefaultRecords(domain);
    assertThat(rdata(name, Type.A))
        .as("an edited platform record is the customer's")
        .containsExactly("192.0.2.5");
    assertThat(row(domain, "@", "A").managed()).isFalse();
  }

  @Test
  void applyingTheSameChangeTwice_keepsTheSerialAndOneStoredSet() throws Exception {
    String name = newZoneName();
    long domain = newHostedZone(name);

    DnsRecordSet stored =
        activities.applyRecordSet(
            domain, change(" MAIL." + name.toUpperCase() + ".", "a", "192.0.2.25"));
    long serial = zones.serial(name);
    DnsRecordSet again = activities.applyRecordSet(domain, change("mail", "A", "192.0.2.25"));

    assertThat(stored).isEqualTo(new DnsRecordSet("mail", "A", 300, List.of("192.0.2.25"), false));
    assertThat(again).isEqualTo(stored);
    assertThat(zones.serial(name)).isEqualTo(serial);
    assertThat(recordSets.findByDomainId(domain)).hasSize(1);
    assertThat(rdata("mail." + name, Type.A)).containsExactly("192.0.2.25");
  }

  @Test
  void appliedSetsAreStoredInTheFormTheServerServes() throws Exception {
    String name = newZoneName();
    long domain = newHostedZone(name);
    String longTxt = "v=DKIM1; k=rsa; p=" + "A".repeat(400);
    activities.applyRecordSet(domain, change("mail", "A", "192.0.2.25"));

    assertThat(
            activities.applyRecordSet(domain, change("", "MX", "10 MAIL." + name + ".")).values())
        .containsExactly("10 mail." + name);
    assertThat(
            activities
                .applyRecordSet(domain, change(name, "AAAA", "2001:DB8:0:0:0:0:0:10"))
                .values())
        .containsExactly("2001:db8::10");
    DnsRecordSet dkim = activities.applyRecordSet(domain, change("k._domainkey", "TXT", longTxt));
    assertThat(dkim.values()).singleElement().asString().startsWith("\"v=DKIM1; k=rsa; p=AAA");
    assertThat(row(domain, "@", "MX").values()).containsExactly("10 mail." + name);
    assertThat(row(domain, "@", "AAAA").values()).containsExactly("2001:db8::10");

    long serial = zones.serial(name);
    DnsRecordSetRow stored = row(domain, "k._domainkey", "TXT");
    activities.applyRecordSet(
        domain, new RecordSetChange(stored.name(), stored.type(), stored.ttl(), stored.values()));
    assertThat(zones.serial(name))
        .as("the stored form applied again is the same record")
        .isEqualTo(serial);
  }

  @Test
  void anInvalidChange_isRefusedAndChangesNothing() throws Exception {
    String name = newZoneName();
    long domain = newHostedZone(name);
    activities.applyRecordSet(domain, change("www", "A", "192.0.2.1"));
    long serial = zones.serial(name);
    List<Record> before = axfr(name);
    List<DnsRecordSetRow> rows = recordSets.findByDomainId(domain);

    assertInvalid(
        () -> activities.applyRecordSet(domain, change("www", "CNAME", "x.example.net")),
        "cannot sit beside other data");
    assertInvalid(
        () -> activities.applyRecordSet(domain, change("@", "MX", "10 192.0.2.1")),
        "MX target must be a host name, not an IP address");
    assertInvalid(
        () -> activities.applyRecordSet(domain, change("@", "NS", "ns1.other.test")),
        "managed by the platform");
    assertInvalid(
        () -> activities.applyRecordSet(domain, change("a;b", "A", "192.0.2.1")), "contains ';'");
    assertInvalid(
        () -> activities.applyRecordSet(domain, change("www", "PTR", "x.example.test")),
        "Record type 'PTR' is not supported");
    assertInvalid(
        () ->
            activities.applyRecordSet(
                domain, new RecordSetChange("www", "A", 300, List.of("192.0.2.1", "x\ny"))),
        "control character");

    assertThat(zones.serial(name)).isEqualTo(serial);
    assertThat(axfr(name)).isEqualTo(before);
    assertThat(recordSets.findByDomainId(domain)).isEqualTo(rows);
  }

  @Test
  void recordsOfAnExternalOrRemovedDomainCannotBeChanged() {
    long customer = newCustomer();
    long external = newDomain(customer, newZoneName(), DomainMode.EXTERNAL, null);
    long removed = newDomain(customer, newZoneName(), DomainMode.HOSTED, null);
    activities.recordDomain(removed, DomainStatus.REMOVED, null, null);

    assertInvalid(
        () -> activities.applyRecordSet(external, change("www", "A", "192.0.2.1")),
        "uses external DNS: change its records at the DNS provider");
    assertInvalid(
        () -> activities.applyRecordSet(removed, change("www", "A", "192.0.2.1")),
        "has been removed");
    assertThat(recordSets.findByDomainId(external)).isEmpty();
  }

  @Test
  void deletingASet_removesItFromServerAndStore() throws Exception {
    String name = newZoneName();
    long domain = newHostedZone(name);
    activities.applyRecordSet(domain, change("www", "A", "192.0.2.1"));

    assertThat(activities.applyRecordSet(domain, new RecordSetChange("www", "A", 300, List.of())))
        .isNull();
    long serial = zones.serial(name);
    assertThat(activities.applyRecordSet(domain, new RecordSetChange("WWW", "a", 0, null)))
        .isNull();

    assertThat(rdata("www." + name, Type.A)).isEmpty();
    assertThat(recordSets.findByDomainId(domain)).isEmpty();
    assertThat(zones.serial(name)).as("deleting a missing set changes nothing").isEqualTo(serial);
  }

  @Test
  void checkingAHostedDomain_seesTheDelegationToBerthsNameServer() {
    String name = newZoneName();
    long domain = newHostedZone(name);

    DnsCheck check = activities.checkDns(domain);

    assertThat(check).isEqualTo(new DnsCheck(true, "ns1.berth.test", "ns1.berth.test"));
    Domain stored = domains.findById(domain).orElseThrow();
    assertThat(stored.dnsSeen()).isTrue();
    assertThat(stored.dnsFound()).isEqualTo("ns1.berth.test");
    assertThat(stored.dnsExpected()).isEqualTo("ns1.berth.test");
    assertThat(stored.dnsCheckedAt()).isNotNull();
  }

  @Test
  void checkingAnExternalDomain_seesWhetherItResolvesToTheSitesHost() {
    long customer = newCustomer();
    long site = newSite(customer, newHost("192.0.2.48", "now()"), 20004, "RUNNING");
    // The customer's own DNS provider, played by a zone on the local BIND.
    String provider = newZoneName();
    zones.createZone(provider);
    createdZones.add(provider);
    String name = "shop." + provider;
    long domain = newDomain(customer, name, DomainMode.EXTERNAL, site);

    DnsCheck before = activities.checkDns(domain);

    assertThat(before).isEqualTo(new DnsCheck(false, "no A record", "192.0.2.48"));
    Domain stored = domains.findById(domain).orElseThrow();
    assertThat(stored.dnsSeen()).isFalse();
    assertThat(stored.dnsFound()).isEqualTo("no A record");

    zones.replaceRecordSet(provider, "shop", RecordType.A, 300, List.of("192.0.2.48"));

    assertThat(activities.checkDns(domain))
        .isEqualTo(new DnsCheck(true, "192.0.2.48", "192.0.2.48"));
    assertThat(domains.findById(domain).orElseThrow().dnsSeen()).isTrue();
  }

  @Test
  void checkingADomainTheResolverRefuses_saysSoInsteadOfFailing() {
    long domain = newDomain(newCustomer(), newZoneName(), DomainMode.EXTERNAL, null);

    DnsCheck check = activities.checkDns(domain);

    assertThat(check.seen()).isFalse();
    assertThat(check.found()).isEqualTo("the resolver answered REFUSED");
  }

  @Test
  void theSiteEndpoint_isOnlyThatOfALiveSiteOfTheSameCustomer() {
    long customer = newCustomer();
    String host = newHost("192.0.2.49", "now()");
    long live = newSite(customer, host, 20005, "RUNNING");
    long starting = newSite(customer, null, null, "PROVISIONING");
    long someoneElses = newSite(newCustomer(), host, 20006, "RUNNING");
    long domain = newDomain(customer, newZoneName(), DomainMode.HOSTED, null);

    assertThat(activities.siteEndpoint(domain, live))
        .isEqualTo(new SiteEndpoint(live, siteName(live), host, 20005));
    assertThatThrownBy(() -> activities.siteEndpoint(domain, someoneElses))
        .isInstanceOfSatisfying(
            PermanentException.class, e -> assertThat(e.type()).isEqualTo(FailureType.NOT_FOUND))
        .hasMessage("Site " + someoneElses + " not found");
    assertThatThrownBy(() -> activities.siteEndpoint(domain, 987_654))
        .hasMessage("Site 987654 not found");
    assertInvalid(
        () -> activities.siteEndpoint(domain, starting),
        "Site " + siteName(starting) + " is not live yet");
  }

  @Test
  void deletingTheZone_removesItAndItsStoredSets() throws Exception {
    String name = newZoneName();
    long domain = newHostedZone(name);
    activities.applyRecordSet(domain, change("www", "A", "192.0.2.1"));

    activities.deleteZone(domain);
    activities.deleteZone(domain);

    assertThat(zones.zoneExists(name)).isFalse();
    assertThat(recordSets.findByDomainId(domain)).isEmpty();
  }

  @Test
  void deletingTheZoneOfARemovedDomain_leavesTheZoneOfItsNewOwner() {
    String name = newZoneName();
    long old = newHostedZone(name);
    activities.recordDomain(old, DomainStatus.REMOVED, null, null);
    long current = newDomain(newCustomer(), name, DomainMode.HOSTED, null);
    activities.createZone(current);

    activities.deleteZone(old);

    assertThat(zones.zoneExists(name)).isTrue();
  }

  @Test
  void recordingTheDomain_storesStatusSiteAndReason_andRemovedIsFinal() {
    long customer = newCustomer();
    long site = newSite(customer, newHost("192.0.2.50", "now()"), 20007, "RUNNING");
    long domain = newDomain(customer, newZoneName(), DomainMode.EXTERNAL, null);

    activities.recordDomain(domain, DomainStatus.DNS_NOT_SEEN, site, "x".repeat(1500));
    Domain stored = domains.findById(domain).orElseThrow();
    assertThat(stored.status()).isEqualTo(DomainStatus.DNS_NOT_SEEN);
    assertThat(stored.siteId()).isEqualTo(site);
    assertThat(stored.reason()).hasSize(1000);

    activities.recordDomain(domain, DomainStatus.REMOVED, null, null);
    activities.recordDomain(domain, DomainStatus.ACTIVE, site, null);
    assertThat(domains.findById(domain).orElseThrow().status()).isEqualTo(DomainStatus.REMOVED);
  }

  // --- fixtures ---

  private static RecordSetChange change(String name, String type, String value) {
    return new RecordSetChange(name, type, 300, List.of(value));
  }

  private static void assertInvalid(ThrowingCallable call, String fragment) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> assertThat(e.type()).isEqualTo(FailureType.INVALID_INPUT))
        .hasMessageContaining(fragment);
  }

  private String newZoneName() {
    String name = BindServer.newZoneName();
    createdZones.add(name);
    return name;
  }

  private long newHostedZone(String name) {
    long domain = newDomain(newCustomer(), name, DomainMode.HOSTED, null);
    activities.createZone(domain);
    return domain;
  }

  private DnsRecordSetRow row(long domain, String name, String type) {
    return recordSets.findByDomainIdAndNameAndType(domain, name, type).orElseThrow();
  }

  private long newDomain(long customer, String name, DomainMode mode, Long site) {
    return domains.save(Domain.added(customer, name, mode, site)).id();
  }

  private long newCustomer() {
    return jdbc.sql(
            "INSERT INTO customer (email, password_hash) VALUES (gen_random_uuid() || '@t.test',"
                + " 'x') RETURNING id")
        .query(Long.class)
        .single();
  }

  private String newHost(String address, String lastSeen) {
    String id = "h" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
    jdbc.sql(
            "INSERT INTO host (id, last_seen, public_address) VALUES (:id, "
                + lastSeen
                + ", :address)")
        .param("id", id)
        .param("address", address)
        .update();
    return id;
  }

  private long newSite(long customer, String host, Integer port, String status) {
    long order =
        jdbc.sql(
                "INSERT INTO orders (customer_id, plan_id, site_name, app, payment_method, status)"
                    + " VALUES (:c, 1, 's', 'static', 'NONE', 'PROVISIONING') RETURNING id")
            .param("c", customer)
            .query(Long.class)
            .single();
    return jdbc.sql(
            "INSERT INTO site (customer_id, order_id, name, app, status, host_id, host_port)"
                + " VALUES (:c, :o, 'site' || :o, 'static', :status, :host, :port) RETURNING id")
        .param("c", customer)
        .param("o", order)
        .param("status", status)
        .param("host", host)
        .param("port", port)
        .query(Long.class)
        .single();
  }

  private String siteName(long site) {
    return jdbc.sql("SELECT name FROM site WHERE id = :id")
        .param("id", site)
        .query(String.class)
        .single();
  }

  private static List<String> rdata(String name, int type) throws IOException {
    return answer(name, type).stream().map(Record::rdataToString).toList();
  }

  /** A plain DNS query to the local BIND, as dig would send it. */
  private static List<Record> answer(String name, int type) throws IOException {
    SimpleResolver resolver =
        new SimpleResolver(new InetSocketAddress(BindServer.HOST, BindServer.port()));
    resolver.setTimeout(Duration.ofSeconds(5));
    Message reply =
        resolver.send(
            Message.newQuery(Record.newRecord(Name.fromString(name + "."), type, DClass.IN)));
    return reply.getSection(Section.ANSWER).stream().filter(r -> r.getType() == type).toList();
  }

  private static List<Record> axfr(String zone) throws Exception {
    ZoneTransferIn xfr =
        ZoneTransferIn.newAXFR(
            Name.fromString(zone + "."), BindServer.HOST, BindServer.port(), null);
    xfr.run();
    return xfr.getAXFR().stream().sorted().toList();
  }
}
