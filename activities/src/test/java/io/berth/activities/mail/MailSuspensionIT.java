package io.berth.activities.mail;

import static io.berth.activities.mail.MailClient.awaitMessage;
import static io.berth.activities.mail.MailClient.message;
import static io.berth.activities.mail.MailClient.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.berth.activities.dns.BindServer;
import io.berth.activities.dns.DnsConfig;
import io.berth.activities.testing.PlatformDatabase;
import io.berth.activities.testing.PlatformRows;
import io.berth.persistence.billing.Subscription;
import io.berth.persistence.billing.SubscriptionRepository;
import io.berth.persistence.domain.Domain;
import io.berth.persistence.domain.DomainRepository;
import io.berth.persistence.mail.MailDomain;
import io.berth.persistence.mail.MailDomainRepository;
import io.berth.persistence.mail.MailPasswordHashes;
import io.berth.persistence.mail.Mailbox;
import io.berth.persistence.mail.MailboxRepository;
import io.berth.workflows.billing.PaymentMethod;
import io.berth.workflows.billing.SubscriptionStatus;
import io.berth.workflows.domain.DomainMode;
import io.berth.workflows.mail.MailDomainActivities;
import io.berth.workflows.mail.MailDomainStatus;
import io.berth.workflows.mail.MailServerActivities;
import io.berth.workflows.mail.MailboxRecordActivities;
import io.berth.workflows.mail.MailboxStatus;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
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

/**
 * A suspended customer's email on the real servers: while none of the customer's subscriptions is
 * live (all SUSPENDED, CANCELLED or TERMINATED), Postfix refuses mail for their domains with a 4xx
 * at RCPT, their mailboxes neither log in over IMAP nor send through submission, and the mail
 * already delivered stays in the Maildir; once a subscription is ACTIVE again everything works at
 * once, with no reload. Subscriptions change through the repository call the subscription
 * activities use; Postfix and Dovecot read this test's own PostgreSQL database.
 */
@SpringBootTest(classes = MailSuspensionIT.Context.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailSuspensionIT {

  private static final String DATABASE = "berth_mail_suspension_it";
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final String OUTSIDE = "someone@example.com";

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @EnableJdbcRepositories(basePackages = "io.berth.persistence")
  @Import({DnsConfig.class, MailConfig.class})
  static class Context {}

  @DynamicPropertySource
  static void freshDatabaseAndTheMailHome(DynamicPropertyRegistry properties) throws Exception {
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

  @Autowired DomainRepository domains;
  @Autowired MailDomainRepository mailDomains;
  @Autowired MailboxRepository mailboxes;
  @Autowired SubscriptionRepository subscriptions;
  @Autowired JdbcClient jdbc;

  private final List<MailDomain> turnedOn = new ArrayList<>();
  private PlatformRows rows;

  @BeforeAll
  void pointTheMailServersAtThisDatabase() throws Exception {
    MailStack.pointAt(DATABASE);
    rows = new PlatformRows(jdbc);
  }

  @AfterAll
  void turnEmailOffAndPointTheServersBack() throws Exception {
    try {
      for (MailDomain mailDomain : turnedOn) {
        mailServer.disableDomain(mailDomain.id());
        MailStack.removeTree(MailStack.home().resolve("vmail").resolve(mailDomain.name()));
      }
    } finally {
      MailStack.pointAt("berth");
    }
  }

  @Test
  void aSuspendedCustomersMail_isRefusedForNow_keptOnDisk_andFlowsAgainWhenActive()
      throws Exception {
    long customer = rows.customer();
    long subscription = subscription(customer, SubscriptionStatus.ACTIVE);
    MailDomain domain = turnEmailOn(customer);
    String password = password();
    String info = mailbox(domain, "info", password);
    String neighbourPassword = password();
    String neighbour = mailbox(turnEmailOn(rows.customer()), "post", neighbourPassword);

    String before = subject("before the suspension");
    MailClient.relay(MailClient.SMTP, OUTSIDE, message(OUTSIDE, info, before, "paid up"));
    assertThat(awaitMessage(info, password, before, PATIENCE)).isPresent();
    Path maildir = maildir(domain, "info");
    assertThat(maildirMessages(maildir)).hasSize(1);

    record(subscription, SubscriptionStatus.SUSPENDED);

    String held = subject("while suspended");
    MimeMessage heldMessage = message(OUTSIDE, info, held, "please keep trying");
    MessagingException refused =
        catchThrowableOfType(
            MessagingException.class,
            () -> MailClient.relay(MailClient.SMTP, OUTSIDE, heldMessage));
    assertSuspendedRefusal(refused);

    assertThatThrownBy(() -> MailClient.imap(info, password))
        .isInstanceOf(AuthenticationFailedException.class)
        .hasMessageContaining("temporarily unavailable")
        .hasMessageContaining("service suspended");
    assertThatThrownBy(() -> MailClient.imap(info, password + "x"))
        .as("without the password nobody learns that the mailbox is suspended")
        .isInstanceOf(AuthenticationFailedException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("suspended"));

    MessagingException sendRefused =
        catchThrowableOfType(
            MessagingException.class,
            () ->
                MailClient.submit(
                    info, password, info, message(info, neighbour, subject("out"), "from me")));
    assertSuspendedRefusal(sendRefused);

    List<Path> kept = maildirMessages(maildir);
    assertThat(kept).as("the mail delivered before the suspension is untouched").hasSize(1);
    assertThat(Files.readString(kept.get(0), StandardCharsets.UTF_8)).contains(before);

    record(subscription, SubscriptionStatus.ACTIVE);

    MailClient.relay(MailClient.SMTP, OUTSIDE, heldMessage);
    assertThat(awaitMessage(info, password, held, PATIENCE)).isPresent();
    assertThat(inboxText(info, password))
        .as("IMAP shows the old mail and the new")
        .hasSize(2)
        .anySatisfy(text -> assertThat(text).contains(before))
        .anySatisfy(text -> assertThat(text).contains(held));

    String sent = subject("sending again");
    MailClient.submit(info, password, info, message(info, neighbour, sent, "back again"));
    assertThat(awaitMessage(neighbour, neighbourPassword, sent, PATIENCE)).isPresent();
  }

  @Test
  void aCustomerWithoutAnySubscription_isUnaffected_whileAnotherIsSuspended() throws Exception {
    long suspendedCustomer = rows.customer();
    subscription(suspendedCustomer, SubscriptionStatus.SUSPENDED);
    String suspended = mailbox(turnEmailOn(suspendedCustomer), "billing", password());
    long oldCustomer = rows.customer();
    String password = password();
    String old = mailbox(turnEmailOn(oldCustomer), "hello", password);

    assertSuspendedRefusal(
        catchThrowableOfType(
            MessagingException.class,
            () ->
                MailClient.relay(
                    MailClient.SMTP, OUTSIDE, message(OUTSIDE, suspended, subject("x"), "x"))));

    assertThat(subscriptions.findByCustomerIdOrderById(oldCustomer)).isEmpty();
    String subject = subject("for a customer from before subscriptions");
    MailClient.relay(MailClient.SMTP, OUTSIDE, message(OUTSIDE, old, subject, "still here"));
    assertThat(awaitMessage(old, password, subject, PATIENCE)).isPresent();
    try (Store store = MailClient.imap(old, password)) {
      assertThat(store.getFolder("INBOX").exists()).isTrue();
    }
  }

  @Test
  void oneLiveSubscription_keepsTheMailOn_andWhenTheLastEndsItIsRefused() throws Exception {
    long customer = rows.customer();
    subscription(customer, SubscriptionStatus.TERMINATED);
    long pastDue = subscription(customer, SubscriptionStatus.PAST_DUE);
    String password = password();
    String address = mailbox(turnEmailOn(customer), "shop", password);

    String during = subject("in the grace period");
    MailClient.relay(MailClient.SMTP, OUTSIDE, message(OUTSIDE, address, during, "pay soon"));
    assertThat(awaitMessage(address, password, during, PATIENCE))
        .as("a past-due subscription still has its mail, beside a terminated one")
        .isPresent();

    record(pastDue, SubscriptionStatus.CANCELLED);

    assertSuspendedRefusal(
        catchThrowableOfType(
            MessagingException.class,
            () ->
                MailClient.relay(
                    MailClient.SMTP, OUTSIDE, message(OUTSIDE, address, subject("after"), "x"))));
    assertThatThrownBy(() -> MailClient.imap(address, password))
        .isInstanceOf(AuthenticationFailedException.class)
        .hasMessageContaining("suspended");
  }

  // --- assertions ---

  /**
   * Every recipient was refused with a temporary (4xx) reply that says the service is suspended.
   */
  private static void assertSuspendedRefusal(MessagingException refused) {
    assertThat(refused).as("the server refused the message").isNotNull();
    List<SMTPAddressFailedException> recipients = refusedRecipients(refused);
    assertThat(recipients).as("refused at RCPT: %s", refusal(refused)).isNotEmpty();
    for (SMTPAddressFailedException recipient : recipients) {
      assertThat(recipient.getReturnCode() / 100)
          .as("a temporary refusal, so the sender retries: %s", recipient.getMessage())
          .isEqualTo(4);
      assertThat(recipient.getMessage()).contains("service suspended");
    }
  }

  private static List<SMTPAddressFailedException> refusedRecipients(MessagingException e) {
    List<SMTPAddressFailedException> out = new ArrayList<>();
    for (Exception t = e; t != null; ) {
      if (t instanceof SMTPAddressFailedException failed) {
        out.add(failed);
      }
      Exception next = t instanceof MessagingException m ? m.getNextException() : null;
      t = next == t ? null : next;
    }
    return out;
  }

  // --- fixtures ---

  /** A subscription as the panel places it with its order (bank transfer, starter plan). */
  private long subscription(long customer, SubscriptionStatus status) {
    long plan = jdbc.sql("SELECT id FROM plan WHERE code = 'starter'").query(Long.class).single();
    long order =
        jdbc.sql(
                """
                INSERT INTO orders (customer_id, plan_id, site_name, app, payment_method, status)
                VALUES (:c, :plan, :name, 'static', 'BANK_TRANSFER', 'ACTIVE') RETURNING id
                """)
            .param("c", customer)
            .param("plan", plan)
            .param("name", PlatformRows.uniqueName("s"))
            .query(Long.class)
            .single();
    Instant now = Instant.now();
    return subscriptions
        .save(
            Subscription.create(
                customer,
                order,
                plan,
                PaymentMethod.BANK_TRANSFER,
                status,
                now.plus(30, ChronoUnit.DAYS),
                now))
        .id();
  }

  /** The subscription's new status, written as the subscription workflow's activity writes it. */
  private void record(long subscription, SubscriptionStatus status) {
    Subscription current = subscriptions.findById(subscription).orElseThrow();
    Instant now = Instant.now();
    assertThat(
            subscriptions.recordState(
                subscription,
                status,
                current.currentPeriodEnd(),
                now,
                status == SubscriptionStatus.ACTIVE ? null : now.plus(30, ChronoUnit.DAYS),
                false))
        .isEqualTo(1);
  }

  /**
   * Email turned on for a new domain of the customer whose DNS is elsewhere, as MailDomainWorkflow
   * does it (DKIM key, OpenDKIM tables, Postfix reload, ACTIVE).
   */
  private MailDomain turnEmailOn(long customer) {
    String name = PlatformRows.uniqueName("m") + ".test";
    long domain = domains.save(Domain.added(customer, name, DomainMode.EXTERNAL, null)).id();
    MailDomain mailDomain = mailDomains.save(MailDomain.creating(customer, domain, name));
    turnedOn.add(mailDomain);
    mailDomainActivities.ensureDkimKey(mailDomain.id());
    mailServer.enableDomain(mailDomain.id());
    mailDomainActivities.recordMailDomain(mailDomain.id(), MailDomainStatus.ACTIVE, null);
    return mailDomains.findById(mailDomain.id()).orElseThrow();
  }

  /** A mailbox as the panel inserts it and MailboxWorkflow makes it ACTIVE; its address. */
  private String mailbox(MailDomain mailDomain, String localPart, String password) {
    Mailbox mailbox =
        mailboxes.save(
            Mailbox.creating(
                mailDomain.customerId(),
                mailDomain.id(),
                localPart,
                mailDomain.name(),
                null,
                MailPasswordHashes.hash(password),
                50));
    mailboxRecords.recordMailbox(mailbox.id(), MailboxStatus.ACTIVE, null);
    return mailbox.address();
  }

  private static Path maildir(MailDomain mailDomain, String localPart) {
    return MailStack.home()
        .resolve("vmail")
        .resolve(mailDomain.name())
        .resolve(localPart)
        .resolve("Maildir");
  }

  /** The message files of the Maildir's INBOX, as they lie on disk. */
  private static List<Path> maildirMessages(Path maildir) throws IOException {
    List<Path> out = new ArrayList<>();
    for (String folder : List.of("new", "cur")) {
      Path dir = maildir.resolve(folder);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.list(dir)) {
          files.filter(Files::isRegularFile).forEach(out::add);
        }
      }
    }
    return out;
  }

  private static List<String> inboxText(String user, String password) throws Exception {
    return MailClient.inbox(user, password).stream()
        .map(raw -> new String(raw, StandardCharsets.UTF_8))
        .toList();
  }

  private static String password() {
    return "Pw-" + UUID.randomUUID();
  }

  private static String subject(String what) {
    return what + " " + UUID.randomUUID();
  }
}
