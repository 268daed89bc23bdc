package io.berth.activities.mail;

import static io.berth.activities.mail.BindAnswers.answer;
import static io.berth.activities.mail.BindAnswers.axfr;
import static io.berth.activities.mail.BindAnswers.publicKeyTag;
import static io.berth.activities.mail.BindAnswers.rdata;
import static io.berth.activities.mail.BindAnswers.txt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.berth.activities.common.PermanentException;
import io.berth.activities.dns.BindServer;
import io.berth.activities.dns.DnsConfig;
import io.berth.activities.dns.DnsZones;
import io.berth.activities.domain.DomainActivitiesImpl;
import io.berth.activities.testing.PlatformDatabase;
import io.berth.activities.testing.PlatformRows;
import io.berth.persistence.domain.DnsRecordSetRepository;
import io.berth.persistence.domain.DnsRecordSetRow;
import io.berth.persistence.domain.Domain;
import io.berth.persistence.domain.DomainRepository;
import io.berth.persistence.mail.MailDomain;
import io.berth.persistence.mail.MailDomainRepository;
import io.berth.persistence.mail.MailPasswordHashes;
import io.berth.persistence.mail.Mailbox;
import io.berth.persistence.mail.MailboxRepository;
import io.berth.persistence.secret.SecretNames;
import io.berth.persistence.secret.SecretStore;
import io.berth.workflows.common.FailureType;
import io.berth.workflows.domain.DomainActivities;
import io.berth.workflows.domain.DomainMode;
import io.berth.workflows.domain.RecordSetChange;
import io.berth.workflows.mail.MailDnsRecord;
import io.berth.workflows.mail.MailDomainActivities;
import io.berth.workflows.mail.MailDomainStatus;
import io.berth.workflows.mail.MailboxRecordActivities;
import io.berth.workflows.mail.MailboxStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
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
import org.xbill.DNS.Type;

/**
 * {@link MailDomainActivitiesImpl} and {@link MailboxRecordActivitiesImpl} as the worker wires
 * them, against the real BIND (the records are read back as a resolver reads them) and the real
 * schema in a fresh PostgreSQL database, with the DNS editor's own activities beside them.
 */
@SpringBootTest(
    classes = MailDomainActivitiesIT.Context.class,
    properties = {"berth.mail.dns-ttl=600", "berth.mail.hostname=mx.berth.test"})
class MailDomainActivitiesIT {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @EnableJdbcRepositories(basePackages = "io.berth.persistence")
  @Import({DnsConfig.class, MailConfig.class, DomainActivitiesImpl.class})
  static class Context {}

  @DynamicPropertySource
  static void freshDatabaseAndLocalBind(DynamicPropertyRegistry properties) throws Exception {
    BindServer.ensureRunning();
    PlatformDatabase.createFor(properties, "berth_mail_domain_it");
    BindServer.register(properties);
    String keyFile = Files.createTempDirectory("berth-secrets").resolve("secrets.key").toString();
    properties.add("berth.secrets.key-file", () -> keyFile);
  }

  @Autowired
  @Qualifier("mailDomainActivities")
  MailDomainActivities activities;

  @Autowired
  @Qualifier("mailboxRecordActivities")
  MailboxRecordActivities mailboxRecords;

  @Autowired DomainActivities domainActivities;
  @Autowired DnsZones zones;
  @Autowired DomainRepository domains;
  @Autowired MailDomainRepository mailDomains;
  @Autowired MailboxRepository mailboxes;
  @Autowired DnsRecordSetRepository recordSets;
  @Autowired SecretStore secrets;
  @Autowired JdbcClient jdbc;

  private PlatformRows rows;
  private final List<String> createdZones = new ArrayList<>();

  @BeforeEach
  void setUp() {
    rows = new PlatformRows(jdbc);
  }

  @AfterEach
  void dropZones() {
    createdZones.forEach(zones::deleteZone);
  }

  @Test
  void theActivitiesRunInSpringTransactions() {
    assertThat(AopUtils.isAopProxy(activities)).isTrue();
    assertThat(AopUtils.isAopProxy(mailboxRecords)).isTrue();
  }

  @Test
  void onAHostedDomain_bindServesTheFourRecords_withTheKeyOnTheRowAndInTheSecret()
      throws Exception {
    String name = newZoneName();
    MailDomain mailDomain = newMailDomain(name, DomainMode.HOSTED);

    activities.ensureDkimKey(mailDomain.id());
    List<MailDnsRecord> published = activities.publishDnsRecords(mailDomain.id());

    String publicKey = mailDomains.findById(mailDomain.id()).orElseThrow().dkimPublicKey();
    String privateKey = secrets.read(SecretNames.dkimKey(mailDomain.id())).orElseThrow();
    assertThat(rdata(name, Type.MX)).containsExactly("10 mx.berth.test.");
    assertThat(answer(name, Type.MX)).allSatisfy(r -> assertThat(r.getTTL()).isEqualTo(600));
    assertThat(txt(name)).containsExactly("v=spf1 mx -all");
    assertThat(txt("_dmarc." + name)).containsExactly("v=DMARC1; p=none");
    List<String> dkim = txt("berth._domainkey." + name);
    assertThat(dkim).hasSize(1);
    assertThat(dkim.get(0)).startsWith("v=DKIM1; k=rsa; p=");
    assertThat(publicKeyTag(dkim.get(0))).isEqualTo(publicKey);
    assertThat(DkimKeys.publicKeyOf(privateKey)).isEqualTo(publicKey);
    assertSignsForTheKeyInDns(privateKey, publicKeyTag(dkim.get(0)));

    assertThat(published)
        .extracting(MailDnsRecord::name, MailDnsRecord::type)
        .containsExactly(
            tuple("@", "MX"),
            tuple("@", "TXT"),
            tuple("berth._domainkey", "TXT"),
            tuple("_dmarc", "TXT"));
    assertThat(published.get(0).values()).containsExactly("10 mx.berth.test.");
    assertThat(recordSets.findByDomainId(mailDomain.domainId()))
        .extracting(DnsRecordSetRow::name, DnsRecordSetRow::type, DnsRecordSetRow::managed)
        .containsExactlyInAnyOrder(
            tuple("@", "MX", true),
            tuple("@", "TXT", true),
            tuple("berth._domainkey", "TXT", true),
            tuple("_dmarc", "TXT", true));
    assertThat(row(mailDomain, "berth._domainkey", "TXT").values())
        .as("the editor shows the same quoted chunks BIND serves")
        .containsExactlyElementsOf(published.get(2).values());
  }

  @Test
  void runningEveryActivityTwice_changesNothing() throws Exception {
    String name = newZoneName();
    MailDomain mailDomain = newMailDomain(name, DomainMode.HOSTED);

    activities.ensureDkimKey(mailDomain.id());
    String key = mailDomains.findById(mailDomain.id()).orElseThrow().dkimPublicKey();
    String secret = secrets.read(SecretNames.dkimKey(mailDomain.id())).orElseThrow();
    activities.ensureDkimKey(mailDomain.id());
    assertThat(mailDomains.findById(mailDomain.id()).orElseThrow().dkimPublicKey()).isEqualTo(key);
    assertThat(secrets.read(SecretNames.dkimKey(mailDomain.id()))).contains(secret);

    List<MailDnsRecord> first = activities.publishDnsRecords(mailDomain.id());
    long serial = zones.serial(name);
    var zone = axfr(name);
    var stored = recordSets.findByDomainId(mailDomain.domainId());
    List<MailDnsRecord> second = activities.publishDnsRecords(mailDomain.id());
    assertThat(second).isEqualTo(first);
    assertThat(zones.serial(name)).isEqualTo(serial);
    assertThat(axfr(name)).isEqualTo(zone);
    assertThat(recordSets.findByDomainId(mailDomain.domainId()))
        .usingRecursiveFieldByFieldElementComparatorIgnoringFields("updatedAt")
        .isEqualTo(stored);

    activities.withdrawDnsRecords(mailDomain.id());
    long withdrawn = zones.serial(name);
    var empty = axfr(name);
    activities.withdrawDnsRecords(mailDomain.id());
    assertThat(zones.serial(name)).isEqualTo(withdrawn);
    assertThat(axfr(name)).isEqualTo(empty);
    assertThat(rdata(name, Type.MX)).isEmpty();
    assertThat(txt(name)).isEmpty();
    assertThat(txt("berth._domainkey." + name)).isEmpty();
    assertThat(txt("_dmarc." + name)).isEmpty();
    assertThat(recordSets.findByDomainId(mailDomain.domainId())).isEmpty();
  }

  @Test
  void aRetryAfterACrashBetweenTheTwoWrites_keepsTheStoredKey() {
    MailDomain mailDomain = newMailDomain(newZoneName(), DomainMode.EXTERNAL);
    String storedBeforeTheCrash =
        secrets.getOrCreate(SecretNames.dkimKey(mailDomain.id()), DkimKeys::generatePem);

    activities.ensureDkimKey(mailDomain.id());

    assertThat(mailDomains.findById(mailDomain.id()).orElseThrow().dkimPublicKey())
        .isEqualTo(DkimKeys.publicKeyOf(storedBeforeTheCrash));
    assertThat(secrets.read(SecretNames.dkimKey(mailDomain.id()))).contains(storedBeforeTheCrash);
  }

  @Test
  void twoWorkersMakingTheKeyAtOnce_endWithOneKey() throws Exception {
    MailDomain mailDomain = newMailDomain(newZoneName(), DomainMode.EXTERNAL);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> calls = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      calls.add(pool.submit(() -> activities.ensureDkimKey(mailDomain.id())));
    }
    for (Future<?> call : calls) {
      call.get();
    }
    pool.shutdown();

    String publicKey = mailDomains.findById(mailDomain.id()).orElseThrow().dkimPublicKey();
    assertThat(publicKey).isNotNull();
    assertThat(
            DkimKeys.publicKeyOf(secrets.read(SecretNames.dkimKey(mailDomain.id())).orElseThrow()))
        .isEqualTo(publicKey);
  }

  @Test
  void aPublicKeyWithoutItsPrivateKey_isAConflictSupportCanResolve() {
    MailDomain mailDomain = newMailDomain(newZoneName(), DomainMode.EXTERNAL);
    activities.ensureDkimKey(mailDomain.id());
    secrets.delete(SecretNames.dkimKey(mailDomain.id()));

    assertThatThrownBy(() -> activities.ensureDkimKey(mailDomain.id()))
        .isInstanceOfSatisfying(
            PermanentException.class, e -> assertThat(e.type()).isEqualTo(FailureType.CONFLICT))
        .hasMessageContaining("does not match any stored private key");
  }

  @Test
  void theCustomersOwnApexTxt_survivesPublishAndWithdraw_whileAnOldSpfIsReplaced()
      throws Exception {
    String name = newZoneName();
    MailDomain mailDomain = newMailDomain(name, DomainMode.HOSTED);
    domainActivities.applyRecordSet(
        mailDomain.domainId(),
        new RecordSetChange(
            "@",
            "TXT",
            300,
            List.of("google-site-verification=abc123", "v=spf1 include:old.example -all")));
    activities.ensureDkimKey(mailDomain.id());

    activities.publishDnsRecords(mailDomain.id());

    assertThat(txt(name))
        .containsExactlyInAnyOrder("google-site-verification=abc123", "v=spf1 mx -all");
    DnsRecordSetRow apex = row(mailDomain, "@", "TXT");
    assertThat(apex.values())
        .containsExactly("\"google-site-verification=abc123\"", "\"v=spf1 mx -all\"");
    assertThat(apex.managed()).as("still the customer's set").isFalse();
    assertThat(apex.ttl()).as("the customer's TTL").isEqualTo(300);

    activities.withdrawDnsRecords(mailDomain.id());

    assertThat(txt(name)).containsExactly("google-site-verification=abc123");
    assertThat(row(mailDomain, "@", "TXT").values())
        .containsExactly("\"google-site-verification=abc123\"");
    assertThat(rdata(name, Type.MX)).isEmpty();
    assertThat(txt("berth._domainkey." + name)).isEmpty();
    assertThat(txt("_dmarc." + name)).isEmpty();
    assertThat(recordSets.findByDomainId(mailDomain.domainId()))
        .extracting(DnsRecordSetRow::name, DnsRecordSetRow::type)
        .containsExactly(tuple("@", "TXT"));
  }

  @Test
  void withdrawing_leavesRecordsTheCustomerChangedSincePublishing() throws Exception {
    String name = newZoneName();
    MailDomain mailDomain = newMailDomain(name, DomainMode.HOSTED);
    activities.ensureDkimKey(mailDomain.id());
    activities.publishDnsRecords(mailDomain.id());
    domainActivities.applyRecordSet(
        mailDomain.domainId(),
        new RecordSetChange("_dmarc", "TXT", 600, List.of("v=DMARC1; p=reject")));

    activities.withdrawDnsRecords(mailDomain.id());

    assertThat(txt("_dmarc." + name)).containsExactly("v=DMARC1; p=reject");
    assertThat(rdata(name, Type.MX)).isEmpty();
  }

  @Test
  void aSetThatCannotTakeTheMailRecords_failsWithAClearMessage_beforeAnythingIsSent()
      throws Exception {
    String name = newZoneName();
    MailDomain mailDomain = newMailDomain(name, DomainMode.HOSTED);
    List<String> hundredValues = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      hundredValues.add("verification-" + i + "=ok");
    }
    domainActivities.applyRecordSet(
        mailDomain.domainId(), new RecordSetChange("@", "TXT", 300, hundredValues));
    activities.ensureDkimKey(mailDomain.id());
    long serial = zones.serial(name);

    assertThatThrownBy(() -> activities.publishDnsRecords(mailDomain.id()))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> assertThat(e.type()).isEqualTo(FailureType.INVALID_INPUT))
        .hasMessageContaining("at most 100 values");
    assertThat(zones.serial(name)).as("not even the MX was sent").isEqualTo(serial);
    assertThat(answer(name, Type.MX)).isEmpty();
    assertThat(recordSets.findByDomainId(mailDomain.domainId())).hasSize(1);
  }

  @Test
  void onAnExternalDomain_nothingIsPublished_andTheListSaysWhatToAdd() throws Exception {
    String name = newZoneName();
    MailDomain mailDomain = newMailDomain(name, DomainMode.EXTERNAL);
    activities.ensureDkimKey(mailDomain.id());

    List<MailDnsRecord> records = activities.publishDnsRecords(mailDomain.id());
    activities.withdrawDnsRecords(mailDomain.id());

    String key = mailDomains.findById(mailDomain.id()).orElseThrow().dkimPublicKey();
    assertThat(records).hasSize(4);
    assertThat(records.get(0))
        .isEqualTo(new MailDnsRecord("@", "MX", 600, List.of("10 mx.berth.test.")));
    assertThat(TxtChunks.text(records.get(2).values().get(0)))
        .isEqualTo("v=DKIM1; k=rsa; p=" + key);
    assertThat(zones.zoneExists(name)).isFalse();
    assertThat(recordSets.findByDomainId(mailDomain.domainId())).isEmpty();
  }

  @Test
  void theDkimPrivateKeyIsStoredOnlyAsCiphertext() {
    MailDomain mailDomain = newMailDomain(newZoneName(), DomainMode.EXTERNAL);
    activities.ensureDkimKey(mailDomain.id());
    String pem = secrets.read(SecretNames.dkimKey(mailDomain.id())).orElseThrow();
    String der = pem.lines().filter(l -> !l.startsWith("-----")).reduce("", String::concat);

    String ciphertext =
        jdbc.sql("SELECT ciphertext FROM secret WHERE name = :name")
            .param("name", SecretNames.dkimKey(mailDomain.id()))
            .query(String.class)
            .single();
    assertThat(ciphertext).doesNotContain("PRIVATE KEY").doesNotContain(der.substring(0, 40));

    List<String> tables =
        jdbc.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
            .query(String.class)
            .list();
    for (String table : tables) {
      List<String> dump =
          jdbc.sql("SELECT t::text FROM \"" + table + "\" t").query(String.class).list();
      assertThat(dump)
          .as(table)
          .noneMatch(row -> row.contains("PRIVATE KEY") || containsAnyPiece(row, der));
    }
  }

  @Test
  void liveMailboxes_areThoseCreatingOrActive_andDeletionKeepsTheFirstPurgeTime() {
    MailDomain mailDomain = newMailDomain(newZoneName(), DomainMode.EXTERNAL);
    long active = newMailbox(mailDomain, "info", MailboxStatus.ACTIVE);
    long creating = newMailbox(mailDomain, "sales", MailboxStatus.CREATING);
    long deleted = newMailbox(mailDomain, "old", MailboxStatus.ACTIVE);
    Instant purgeAfter = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);

    mailboxRecords.markDeleted(deleted, purgeAfter);
    mailboxRecords.markDeleted(deleted, purgeAfter.plus(1, ChronoUnit.DAYS));

    assertThat(activities.liveMailboxes(mailDomain.id()))
        .containsExactlyInAnyOrder(active, creating);
    Mailbox stored = mailboxes.findById(deleted).orElseThrow();
    assertThat(stored.status()).isEqualTo(MailboxStatus.DELETED);
    assertThat(stored.purgeAfter()).isEqualTo(purgeAfter);

    mailboxRecords.recordMailbox(deleted, MailboxStatus.ACTIVE, null);
    assertThat(mailboxes.findById(deleted).orElseThrow().status())
        .as("a deleted mailbox only moves on to PURGED")
        .isEqualTo(MailboxStatus.DELETED);
    mailboxRecords.recordMailbox(creating, MailboxStatus.FAILED, "x".repeat(1500));
    assertThat(mailboxes.findById(creating).orElseThrow().reason()).hasSize(1000);
    assertThat(activities.liveMailboxes(mailDomain.id())).containsExactly(active);
  }

  @Test
  void recordingTheMailDomain_storesStatusAndReason_andRemovedIsFinal() {
    MailDomain mailDomain = newMailDomain(newZoneName(), DomainMode.EXTERNAL);

    activities.recordMailDomain(mailDomain.id(), MailDomainStatus.FAILED, "y".repeat(1200));
    MailDomain failed = mailDomains.findById(mailDomain.id()).orElseThrow();
    assertThat(failed.status()).isEqualTo(MailDomainStatus.FAILED);
    assertThat(failed.reason()).hasSize(1000);

    activities.recordMailDomain(mailDomain.id(), MailDomainStatus.REMOVED, null);
    activities.recordMailDomain(mailDomain.id(), MailDomainStatus.ACTIVE, null);
    assertThat(mailDomains.findById(mailDomain.id()).orElseThrow().status())
        .isEqualTo(MailDomainStatus.REMOVED);
    assertThatThrownBy(() -> activities.ensureDkimKey(mailDomain.id()))
        .hasMessageContaining("has been turned off");
  }

  // --- fixtures ---

  private static void assertSignsForTheKeyInDns(String privatePem, String publicKeyInDns)
      throws Exception {
    byte[] message = "DKIM-Signature test".getBytes(StandardCharsets.US_ASCII);
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(DkimKeys.privateKey(privatePem));
    signer.update(message);
    byte[] signature = signer.sign();
    PublicKey key =
        KeyFactory.getInstance("RSA")
            .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyInDns)));
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(key);
    verifier.update(message);
    assertThat(verifier.verify(signature)).isTrue();
  }

  /** Whether the text holds any 32-character piece of the secret. */
  private static boolean containsAnyPiece(String text, String secret) {
    for (int i = 0; i + 32 <= secret.length(); i += 16) {
      if (text.contains(secret.substring(i, i + 32))) {
        return true;
      }
    }
    return false;
  }

  private String newZoneName() {
    return BindServer.newZoneName();
  }

  private MailDomain newMailDomain(String name, DomainMode mode) {
    long customer = rows.customer();
    long domain = domains.save(Domain.added(customer, name, mode, null)).id();
    if (mode == DomainMode.HOSTED) {
      createdZones.add(name);
      domainActivities.createZone(domain);
    }
    return mailDomains.save(MailDomain.creating(customer, domain, name));
  }

  private long newMailbox(MailDomain mailDomain, String localPart, MailboxStatus status) {
    Mailbox mailbox =
        mailboxes.save(
            Mailbox.creating(
                mailDomain.customerId(),
                mailDomain.id(),
                localPart,
                mailDomain.name(),
                null,
                MailPasswordHashes.hash("secret-" + localPart),
                100));
    mailboxRecords.recordMailbox(mailbox.id(), status, null);
    return mailbox.id();
  }

  private DnsRecordSetRow row(MailDomain mailDomain, String name, String type) {
    return recordSets.findByDomainIdAndNameAndType(mailDomain.domainId(), name, type).orElseThrow();
  }
}
