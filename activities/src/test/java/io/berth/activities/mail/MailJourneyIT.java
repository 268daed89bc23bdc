package io.berth.activities.mail;

import static io.berth.activities.mail.MailClient.awaitMessage;
import static io.berth.activities.mail.MailClient.message;
import static io.berth.activities.mail.MailClient.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.activities.dns.BindServer;
import io.berth.activities.dns.DnsConfig;
import io.berth.activities.dns.DnsZones;
import io.berth.activities.domain.DomainActivitiesImpl;
import io.berth.activities.testing.PlatformDatabase;
import io.berth.activities.testing.PlatformRows;
import io.berth.persistence.domain.Domain;
import io.berth.persistence.domain.DomainRepository;
import io.berth.persistence.mail.MailAlias;
import io.berth.persistence.mail.MailAliasRepository;
import io.berth.persistence.mail.MailDomain;
import io.berth.persistence.mail.MailDomainRepository;
import io.berth.persistence.mail.MailPasswordHashes;
import io.berth.persistence.mail.Mailbox;
import io.berth.persistence.mail.MailboxRepository;
import io.berth.workflows.domain.DomainActivities;
import io.berth.workflows.domain.DomainMode;
import io.berth.workflows.mail.MailDomainActivities;
import io.berth.workflows.mail.MailDomainStatus;
import io.berth.workflows.mail.MailServerActivities;
import io.berth.workflows.mail.MailboxRecordActivities;
import io.berth.workflows.mail.MailboxStatus;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.james.jdkim.api.SignatureRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
 * Email end to end on the real servers: Berth's own activities turn email on (DKIM key, DNS on
 * BIND, OpenDKIM tables, Postfix reload) as {@code MailDomainWorkflow} does, mailboxes are rows as
 * the panel and {@code MailboxWorkflow} make them, and a mail client (Angus Mail) and another mail
 * server (plain SMTP on 2525) use them through Postfix, Dovecot and OpenDKIM, which read this
 * test's own PostgreSQL database.
 */
@SpringBootTest(classes = MailJourneyIT.Context.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailJourneyIT {

  private static final String DATABASE = "berth_mail_it";
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final String OUTSIDE = "someone@example.com";

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @EnableJdbcRepositories(basePackages = "io.berth.persistence")
  @Import({DnsConfig.class, MailConfig.class, DomainActivitiesImpl.class})
  static class Context {}

  @DynamicPropertySource
  static void freshDatabaseLocalBindAndTheMailHome(DynamicPropertyRegistry properties)
      throws Exception {
    BindServer.ensureRunning();
    PlatformDatabase.createFor(properties, DATABASE);
    BindServer.register(properties);
    properties.add("berth.mail.home", () -> MailStack.home().toString());
    String keyFile = Files.createTempDirectory("berth-secrets").resolve("secrets.key").toString();
    properties.add("berth.secrets.key-file", () -> keyFile);
  }

  @Autowired
  @Qualifier("mailDomainActivities")
  MailDomainActivities mailDomainActivities;

  @Autowired
  @Qualifier("mailServerActivities")
  MailServerActivities mailServer;

  @Autowired
  @Qualifier("mailboxRecordActivities")
  MailboxRecordActivities mailboxRecords;

  @Autowired DomainActivities domainActivities;
  @Autowired DnsZones zones;
  @Autowired DomainRepository domains;
  @Autowired MailDomainRepository mailDomains;
  @Autowired MailboxRepository mailboxes;
  @Autowired MailAliasRepository aliases;
  @Autowired JdbcClient jdbc;

  private final List<MailDomain> turnedOn = new ArrayList<>();
  private final List<Long> deliveryMillis = new ArrayList<>();
  private final List<Long> loginMillis = new ArrayList<>();

  /** Customer A's domain, with info@ and sales@. */
  private MailDomain alpha;

  /** Customer B's domain, with bob@. */
  private MailDomain beta;

  private long customerA;
  private long customerB;

  @BeforeAll
  void turnEmailOnForTwoCustomers() throws Exception {
    MailStack.pointAt(DATABASE);
    PlatformRows rows = new PlatformRows(jdbc);
    customerA = rows.customer();
    customerB = rows.customer();
    alpha = turnEmailOn(customerA);
    beta = turnEmailOn(customerB);
  }

  @AfterAll
  void turnEmailOffAndPointTheServersBack() throws Exception {
    try {
      for (MailDomain mailDomain : turnedOn) {
        mailServer.disableDomain(mailDomain.id());
        MailStack.removeTree(MailStack.home().resolve("vmail").resolve(mailDomain.name()));
        zones.deleteZone(mailDomain.name());
      }
    } finally {
      MailStack.pointAt("berth");
    }
    System.out.printf(
        "MailJourneyIT: delivery (submission to IMAP) median %d ms of %d; IMAP login median %d ms"
            + " of %d%n",
        median(deliveryMillis), deliveryMillis.size(), median(loginMillis), loginMillis.size());
  }

  @Test
  void aNewMailbox_logsInOverImap_andAWrongPasswordDoesNot() throws Exception {
    String password = password();
    String address = mailbox(alpha, "login", password, 50);

    for (int i = 0; i < 5; i++) {
      long start = System.nanoTime();
      try (Store store = MailClient.imap(address, password)) {
        loginMillis.add((System.nanoTime() - start) / 1_000_000);
        assertThat(store.getFolder("INBOX").exists()).isTrue();
      }
    }

    assertThatThrownBy(() -> MailClient.imap(address, password + "x"))
        .isInstanceOf(AuthenticationFailedException.class);
    assertThatThrownBy(() -> MailClient.imap("nobody@" + alpha.name(), password))
        .isInstanceOf(AuthenticationFailedException.class);
  }

  @Test
  void mailFromAToB_throughSubmission_arrivesSignedWithTheKeyPublishedInBind() throws Exception {
    String senderPassword = password();
    String sender = mailbox(alpha, "info", senderPassword, 50);
    String recipientPassword = password();
    String recipient = mailbox(alpha, "sales", recipientPassword, 50);
    String publishedKey =
        BindAnswers.publicKeyTag(BindAnswers.txt("berth._domainkey." + alpha.name()).get(0));
    assertThat(publishedKey)
        .isEqualTo(mailDomains.findById(alpha.id()).orElseThrow().dkimPublicKey());

    for (int i = 0; i < 5; i++) {
      String subject = subject("hello B");
      long start = System.nanoTime();
      MailClient.submit(
          sender,
          senderPassword,
          sender,
          message(sender, recipient, subject, "Hi B,\r\nthis is A.\r\n"));
      byte[] raw = awaitMessage(recipient, recipientPassword, subject, PATIENCE).orElseThrow();
      deliveryMillis.add((System.nanoTime() - start) / 1_000_000);

      String text = new String(raw, StandardCharsets.UTF_8);
      assertThat(text).contains("DKIM-Signature:").contains("this is A.");
      List<SignatureRecord> signatures = BindDkimKeys.verify(raw);
      assertThat(signatures).hasSize(1);
      assertThat(signatures.get(0).getDToken().toString()).isEqualTo(alpha.name());
      assertThat(signatures.get(0).getSelector().toString()).isEqualTo("berth");
      assertThat(signatures.get(0).getHeaders().toString().toLowerCase()).contains("from");
    }
  }

  @Test
  void aTamperedMessage_failsTheSameDkimCheck() throws Exception {
    String password = password();
    String address = mailbox(alpha, "tamper", password, 50);
    String subject = subject("untouched");
    MailClient.submit(
        address, password, address, message(address, address, subject, "The amount is 10.\r\n"));
    byte[] raw = awaitMessage(address, password, subject, PATIENCE).orElseThrow();
    assertThat(BindDkimKeys.verify(raw)).hasSize(1);

    byte[] tampered =
        new String(raw, StandardCharsets.UTF_8)
            .replace("The amount is 10.", "The amount is 99.")
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> BindDkimKeys.verify(tampered))
        .hasMessageContaining("bodyhash is different");
  }

  @Test
  void anAlias_deliversToItsTarget() throws Exception {
    String targetPassword = password();
    String target = mailbox(alpha, "office", targetPassword, 50);
    aliases.save(MailAlias.of(customerA, alpha.id(), "team", alpha.name(), List.of(target)));
    String subject = subject("for the team");

    MailClient.relay(
        MailClient.SMTP, OUTSIDE, message(OUTSIDE, "team@" + alpha.name(), subject, "Hi team"));

    assertThat(awaitMessage(target, targetPassword, subject, PATIENCE)).isPresent();
  }

  @Test
  void aCatchAll_catchesAnUnknownAddress_butNeverARealMailbox() throws Exception {
    MailDomain gamma = turnEmailOn(customerA);
    String catcherPassword = password();
    String catcher = mailbox(gamma, "catcher", catcherPassword, 50);
    String realPassword = password();
    String real = mailbox(gamma, "real", realPassword, 50);
    aliases.save(
        MailAlias.of(customerA, gamma.id(), MailAlias.CATCH_ALL, gamma.name(), List.of(catcher)));

    String unknown = subject("to nobody");
    MailClient.relay(
        MailClient.SMTP, OUTSIDE, message(OUTSIDE, "nobody@" + gamma.name(), unknown, "?"));
    assertThat(awaitMessage(catcher, catcherPassword, unknown, PATIENCE)).isPresent();

    String forReal = subject("to real");
    MailClient.relay(MailClient.SMTP, OUTSIDE, message(OUTSIDE, real, forReal, "mine"));
    assertThat(awaitMessage(real, realPassword, forReal, PATIENCE)).isPresent();
    String marker = subject("marker after real");
    MailClient.relay(MailClient.SMTP, OUTSIDE, message(OUTSIDE, catcher, marker, "marker"));
    assertThat(awaitMessage(catcher, catcherPassword, marker, PATIENCE)).isPresent();
    assertThat(MailClient.find(catcher, catcherPassword, forReal))
        .as("the catch-all did not take a copy of the real mailbox's mail")
        .isEmpty();
  }

  @Test
  void aFullMailbox_tellsTheSender_andLosesNothingAlreadyInIt() throws Exception {
    String senderPassword = password();
    String sender = mailbox(beta, "sender", senderPassword, 50);
    String smallPassword = password();
    String small = mailbox(beta, "small", smallPassword, 1);
    String first = subject("fits");
    MailClient.submit(
        sender, senderPassword, sender, message(sender, small, first, filler(600 * 1024)));
    assertThat(awaitMessage(small, smallPassword, first, PATIENCE)).isPresent();
    assertThat(awaitUsage(small, 600 * 1024))
        .as("Dovecot reports the usage the panel shows")
        .isGreaterThan(600 * 1024);

    String second = subject("too big");
    String told;
    try {
      MailClient.submit(
          sender, senderPassword, sender, message(sender, small, second, filler(700 * 1024)));
      byte[] bounce =
          MailClient.awaitMessage(
                  sender, senderPassword, s -> s.startsWith("Undelivered Mail"), PATIENCE)
              .orElseThrow(() -> new AssertionError("no bounce reached the sender"));
      told = new String(bounce, StandardCharsets.UTF_8);
      assertThat(told).contains(second);
    } catch (MessagingException refused) {
      told = refusal(refused);
    }

    assertThat(told).containsAnyOf("552", "5.2.2").containsIgnoringCase("full");
    List<byte[]> kept = MailClient.inbox(small, smallPassword);
    assertThat(kept).hasSize(1);
    assertThat(new String(kept.get(0), StandardCharsets.UTF_8)).contains(first);
  }

  @Test
  void unauthenticatedMailToAnOutsideDomain_isRefusedOnEveryPort() throws Exception {
    String localSender = mailbox(alpha, "relaytest", password(), 50);
    for (int port : new int[] {MailClient.SMTP, MailClient.SUBMISSION}) {
      for (String from : List.of(OUTSIDE, localSender)) {
        assertThatThrownBy(
                () ->
                    MailClient.relay(
                        port, from, message(from, "victim@example.net", subject("relay"), "spam")))
            .as("port %d, from %s", port, from)
            .isInstanceOf(MessagingException.class)
            .satisfies(e -> assertThat(refusal(e)).containsAnyOf("554", "530", "5.7.1", "5.7.0"));
      }
    }
  }

  @Test
  void anAuthenticatedUser_cannotSendAsAnotherCustomersAddress() throws Exception {
    String password = password();
    String user = mailbox(alpha, "mallory", password, 50);
    String someoneElse = mailbox(beta, "victim", password(), 50);
    String colleaguePassword = password();
    String colleague = mailbox(alpha, "colleague", colleaguePassword, 50);
    String colleagueSubject = subject("as a colleague");

    assertThatThrownBy(
            () ->
                MailClient.submit(
                    user,
                    password,
                    someoneElse,
                    message(someoneElse, colleague, subject("spoofed"), "not me")))
        .isInstanceOf(MessagingException.class)
        .satisfies(e -> assertThat(refusal(e)).contains("553").contains("not owned by user"));

    MailClient.submit(
        user,
        password,
        colleague,
        message(colleague, colleague, colleagueSubject, "same customer"));
    assertThat(awaitMessage(colleague, colleaguePassword, colleagueSubject, PATIENCE))
        .as("a customer's mailboxes may send as each other")
        .isPresent();
  }

  @Test
  void aDeletedMailbox_noLongerLogsInOrReceives_andPurgingRemovesItsMail() throws Exception {
    String password = password();
    String leaving = mailbox(beta, "leaving", password, 50);
    long id = mailboxes.findStoredByAddress(leaving).orElseThrow().id();
    String subject = subject("before deletion");
    MailClient.relay(MailClient.SMTP, OUTSIDE, message(OUTSIDE, leaving, subject, "kept"));
    assertThat(awaitMessage(leaving, password, subject, PATIENCE)).isPresent();
    Path maildir = MailStack.home().resolve("vmail").resolve(beta.name()).resolve("leaving");
    assertThat(maildir.resolve("Maildir")).isDirectory();

    mailboxRecords.markDeleted(id, Instant.now().plus(30, ChronoUnit.DAYS));

    assertThatThrownBy(() -> MailClient.imap(leaving, password))
        .isInstanceOf(AuthenticationFailedException.class);
    assertThatThrownBy(
            () ->
                MailClient.relay(
                    MailClient.SMTP, OUTSIDE, message(OUTSIDE, leaving, subject("after"), "no")))
        .isInstanceOf(MessagingException.class)
        .satisfies(e -> assertThat(refusal(e)).contains("550"));
    assertThat(maildir).as("its mail is kept until the purge").isDirectory();

    mailServer.purgeMailbox(id);
    mailServer.purgeMailbox(id);

    assertThat(maildir).doesNotExist();
    assertThat(mailboxes.usedBytes(leaving)).isZero();
    assertThat(
            jdbc.sql("SELECT count(*) FROM mail_quota_usage WHERE username = :u")
                .param("u", leaving)
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void turningADomainOff_makesMailToItRefused() throws Exception {
    MailDomain delta = turnEmailOn(customerB);
    String password = password();
    String carol = mailbox(delta, "carol", password, 50);
    String before = subject("while on");
    MailClient.relay(MailClient.SMTP, OUTSIDE, message(OUTSIDE, carol, before, "on"));
    assertThat(awaitMessage(carol, password, before, PATIENCE)).isPresent();

    mailDomainActivities.recordMailDomain(delta.id(), MailDomainStatus.REMOVING, null);
    mailServer.disableDomain(delta.id());
    mailDomainActivities.withdrawDnsRecords(delta.id());
    mailDomainActivities.recordMailDomain(delta.id(), MailDomainStatus.REMOVED, null);

    assertThatThrownBy(
            () ->
                MailClient.relay(
                    MailClient.SMTP, OUTSIDE, message(OUTSIDE, carol, subject("while off"), "x")))
        .isInstanceOf(MessagingException.class)
        .satisfies(e -> assertThat(refusal(e)).contains("554").contains("Relay access denied"));
    assertThatThrownBy(() -> MailClient.imap(carol, password))
        .isInstanceOf(AuthenticationFailedException.class);
    Path dkim = MailStack.home().resolve("dkim");
    assertThat(Files.readString(dkim.resolve("SigningTable"))).doesNotContain(delta.name());
    assertThat(Files.readString(dkim.resolve("KeyTable"))).doesNotContain(delta.name());
    assertThat(dkim.resolve("keys").resolve(delta.name() + ".private")).doesNotExist();
    assertThat(BindAnswers.rdata(delta.name(), Type.MX)).isEmpty();
  }

  // --- fixtures ---

  /** Email turned on for a new hosted domain of the customer, as MailDomainWorkflow does it. */
  private MailDomain turnEmailOn(long customer) throws Exception {
    String name = BindServer.newZoneName();
    long domain = domains.save(Domain.added(customer, name, DomainMode.HOSTED, null)).id();
    domainActivities.createZone(domain);
    MailDomain mailDomain = mailDomains.save(MailDomain.creating(customer, domain, name));
    turnedOn.add(mailDomain);
    mailDomainActivities.ensureDkimKey(mailDomain.id());
    mailDomainActivities.publishDnsRecords(mailDomain.id());
    mailServer.enableDomain(mailDomain.id());
    mailDomainActivities.recordMailDomain(mailDomain.id(), MailDomainStatus.ACTIVE, null);
    assertThat(Files.readString(MailStack.home().resolve("dkim/SigningTable")))
        .contains("*@" + name + " berth._domainkey." + name);
    return mailDomains.findById(mailDomain.id()).orElseThrow();
  }

  /** A mailbox as the panel inserts it and MailboxWorkflow makes it ACTIVE; its address. */
  private String mailbox(MailDomain mailDomain, String localPart, String password, int quotaMb) {
    Mailbox mailbox =
        mailboxes.save(
            Mailbox.creating(
                mailDomain.customerId(),
                mailDomain.id(),
                localPart,
                mailDomain.name(),
                null,
                MailPasswordHashes.hash(password),
                quotaMb));
    mailboxRecords.recordMailbox(mailbox.id(), MailboxStatus.ACTIVE, null);
    return mailbox.address();
  }

  /** The usage Dovecot wrote for the mailbox, once it is at least {@code bytes} (or after 10 s). */
  private long awaitUsage(String address, long bytes) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    long used = mailboxes.usedBytes(address);
    while (used < bytes && System.nanoTime() < deadline) {
      Thread.sleep(50);
      used = mailboxes.usedBytes(address);
    }
    return used;
  }

  private static String password() {
    return "Pw-" + UUID.randomUUID() + "-\u00e9$\"'";
  }

  private static String subject(String what) {
    return what + " " + UUID.randomUUID();
  }

  /** A body of about {@code bytes} bytes of short lines. */
  private static String filler(int bytes) {
    StringBuilder out = new StringBuilder(bytes + 80);
    while (out.length() < bytes) {
      out.append("The quick brown fox jumps over the lazy dog 0123456789.\r\n");
    }
    return out.toString();
  }

  private static long median(List<Long> values) {
    if (values.isEmpty()) {
      return -1;
    }
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
