package io.berth.activities.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.activities.billing.BillingRows.Placed;
import io.berth.activities.common.PermanentException;
import io.berth.activities.dns.BindServer;
import io.berth.activities.dns.DnsConfig;
import io.berth.activities.domain.DomainActivitiesImpl;
import io.berth.activities.mail.MailClient;
import io.berth.activities.mail.MailConfig;
import io.berth.activities.mail.MailStack;
import io.berth.activities.testing.PlatformDatabase;
import io.berth.persistence.account.CustomerRepository;
import io.berth.persistence.billing.SubscriptionRepository;
import io.berth.persistence.domain.Domain;
import io.berth.persistence.domain.DomainRepository;
import io.berth.persistence.mail.MailDomain;
import io.berth.persistence.mail.MailDomainRepository;
import io.berth.persistence.mail.MailPasswordHashes;
import io.berth.persistence.mail.Mailbox;
import io.berth.persistence.mail.MailboxRepository;
import io.berth.persistence.plan.PlanRepository;
import io.berth.workflows.billing.BillingEvent;
import io.berth.workflows.billing.BillingEventKind;
import io.berth.workflows.billing.BillingNotice;
import io.berth.workflows.billing.BillingNoticeActivities;
import io.berth.workflows.billing.PaymentMethod;
import io.berth.workflows.billing.SubscriptionStatus;
import io.berth.workflows.domain.DomainMode;
import io.berth.workflows.mail.MailDomainActivities;
import io.berth.workflows.mail.MailDomainStatus;
import io.berth.workflows.mail.MailServerActivities;
import io.berth.workflows.mail.MailboxRecordActivities;
import io.berth.workflows.mail.MailboxStatus;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Billing e-mails through the real Postfix into the customer's real Dovecot mailbox, read back over
 * IMAP. The mail servers read this test's own database ({@code BERTH_MAIL_DB_NAME}, as {@code
 * MailJourneyIT} does), where email is on for the customer's domain as the mail workflows turn it
 * on.
 */
@SpringBootTest(classes = BillingNoticeIT.Context.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BillingNoticeIT {

  private static final String DATABASE = "berth_billing_notice_it";
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @EnableJdbcRepositories(basePackages = "io.berth.persistence")
  @Import({DnsConfig.class, MailConfig.class, DomainActivitiesImpl.class, BillingConfig.class})
  static class Context {}

  @DynamicPropertySource
  static void freshDatabaseAndTheMailHome(DynamicPropertyRegistry properties) throws Exception {
    BindServer.ensureRunning();
    PlatformDatabase.createFor(properties, DATABASE);
    // The context stays cached for the rest of the run: hold few of the server's connections.
    properties.add("spring.datasource.hikari.maximum-pool-size", () -> 2);
    BindServer.register(properties);
    properties.add("berth.mail.home", () -> MailStack.home().toString());
    String keyFile = Files.createTempDirectory("berth-secrets").resolve("secrets.key").toString();
    properties.add("berth.secrets.key-file", () -> keyFile);
    properties.add("berth.panel.public-url", () -> "https://panel.berth.test");
  }

  @Autowired
  @Qualifier("billingNoticeActivities")
  BillingNoticeActivities notices;

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
  @Autowired CustomerRepository customers;
  @Autowired PlanRepository plans;
  @Autowired PanelLinks panel;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;

  private MailDomain mailDomain;
  private BillingRows rows;

  @BeforeAll
  void emailOnForTheCustomersDomain() throws Exception {
    MailStack.pointAt(DATABASE);
    rows = new BillingRows(jdbc);
    long owner = rows.customer();
    String name = BindServer.newZoneName();
    long domain = domains.save(Domain.added(owner, name, DomainMode.EXTERNAL, null)).id();
    mailDomain = mailDomains.save(MailDomain.creating(owner, domain, name));
    mailDomainActivities.ensureDkimKey(mailDomain.id());
    mailServer.enableDomain(mailDomain.id());
    mailDomainActivities.recordMailDomain(mailDomain.id(), MailDomainStatus.ACTIVE, null);
  }

  @AfterAll
  void emailOffAndTheServersBack() throws Exception {
    try {
      mailServer.disableDomain(mailDomain.id());
      MailStack.removeTree(MailStack.home().resolve("vmail").resolve(mailDomain.name()));
    } finally {
      MailStack.pointAt("berth");
    }
  }

  @Test
  void aReceiptSentTwice_arrivesOnce_withTheAmountPaid() throws Exception {
    Customer customer = customerWithMailbox("alice");
    Placed placed =
        rows.order(customer.id(), "starter", PaymentMethod.STRIPE, SubscriptionStatus.ACTIVE);
    BillingEvent paid = paid("evt_receipt_" + placed.subscription(), 500, "eur");

    notices.send(placed.subscription(), BillingNotice.RECEIPT, paid.id(), paid);
    notices.send(placed.subscription(), BillingNotice.RECEIPT, paid.id(), paid);

    String receipt = "Payment received: 5.00 EUR for your Starter plan";
    assertThat(MailClient.awaitMessage(customer.address(), customer.password(), receipt, PATIENCE))
        .isPresent();
    notices.send(placed.subscription(), BillingNotice.RESUMED, "marker", null);
    assertThat(
            MailClient.awaitMessage(
                customer.address(), customer.password(), "Your sites are back online", PATIENCE))
        .isPresent();
    List<MimeMessage> inbox = inbox(customer);
    List<MimeMessage> receipts = inbox.stream().filter(m -> receipt.equals(subject(m))).toList();
    assertThat(receipts).hasSize(1);
    MimeMessage mail = receipts.get(0);
    assertThat((String) mail.getContent())
        .contains("we received your payment of 5.00 EUR for your Starter plan (invoice in_it_1)")
        .contains("Your plan is paid up to 15 April 2026 (UTC).")
        .contains("https://panel.berth.test/billing");
    assertThat(mail.getFrom()[0].toString()).contains("billing@berth.localhost");
    assertThat(sentRows(placed.subscription(), BillingNotice.RECEIPT)).isEqualTo(1);
  }

  @Test
  void aSendTheMailServerDidNotTake_leavesNoRecord_andTheRetrySends() throws Exception {
    Customer customer = customerWithMailbox("bob");
    Placed placed =
        rows.order(customer.id(), "starter", PaymentMethod.STRIPE, SubscriptionStatus.PAST_DUE);
    BillingEvent failed =
        new BillingEvent(
            "evt_failed_" + placed.subscription(),
            BillingEventKind.PAYMENT_FAILED,
            Instant.now().toEpochMilli(),
            "in_it_2",
            null,
            500,
            "eur");
    BillingNoticeActivitiesImpl unreachable =
        new BillingNoticeActivitiesImpl(
            subscriptions,
            customers,
            plans,
            new SmtpBillingMailer(
                new BillingMailProperties(
                    "127.0.0.1", freePort(), "billing@berth.localhost", Duration.ofSeconds(5))),
            panel,
            jdbc,
            transactions);

    assertThatThrownBy(
            () ->
                unreachable.send(
                    placed.subscription(), BillingNotice.PAYMENT_FAILED, failed.id(), failed))
        .isInstanceOf(BillingMailUnavailableException.class)
        .hasMessageContaining("Could not send the billing e-mail through 127.0.0.1:");
    assertThat(sentRows(placed.subscription(), BillingNotice.PAYMENT_FAILED)).isZero();

    notices.send(placed.subscription(), BillingNotice.PAYMENT_FAILED, failed.id(), failed);

    assertThat(
            MailClient.awaitMessage(
                customer.address(),
                customer.password(),
                "Payment failed for your Starter plan",
                PATIENCE))
        .isPresent();
    assertThat(sentRows(placed.subscription(), BillingNotice.PAYMENT_FAILED)).isEqualTo(1);
  }

  @Test
  void anAddressTheMailServerRefuses_failsForGood_andLeavesNoRecord() {
    long customer = rows.customer("nobody-" + UUID.randomUUID() + "@" + mailDomain.name());
    Placed placed =
        rows.order(customer, "starter", PaymentMethod.STRIPE, SubscriptionStatus.ACTIVE);

    assertThatThrownBy(
            () -> notices.send(placed.subscription(), BillingNotice.SUSPENDED, "period-1", null))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("The mail server refused nobody-");
    assertThat(sentRows(placed.subscription(), BillingNotice.SUSPENDED)).isZero();
  }

  /** A customer whose sign-in address is a live mailbox on the test domain. */
  private Customer customerWithMailbox(String localPart) {
    String password = UUID.randomUUID().toString();
    String unique = localPart + "-" + UUID.randomUUID().toString().substring(0, 8);
    Mailbox mailbox =
        mailboxes.save(
            Mailbox.creating(
                mailDomain.customerId(),
                mailDomain.id(),
                unique,
                mailDomain.name(),
                null,
                MailPasswordHashes.hash(password),
                50));
    mailboxRecords.recordMailbox(mailbox.id(), MailboxStatus.ACTIVE, null);
    return new Customer(rows.customer(mailbox.address()), mailbox.address(), password);
  }

  private static BillingEvent paid(String id, long cents, String currency) {
    return new BillingEvent(
        id,
        BillingEventKind.PAID,
        Instant.now().toEpochMilli(),
        "in_it_1",
        Instant.parse("2026-04-15T10:00:00Z").toEpochMilli(),
        cents,
        currency);
  }

  private long sentRows(long subscription, BillingNotice notice) {
    return jdbc.sql(
            "SELECT count(*) FROM billing_notice WHERE subscription_id = :s AND notice = :n")
        .param("s", subscription)
        .param("n", notice.name())
        .query(Long.class)
        .single();
  }

  private static List<MimeMessage> inbox(Customer customer) throws Exception {
    return MailClient.inbox(customer.address(), customer.password()).stream()
        .map(BillingNoticeIT::parse)
        .toList();
  }

  private static MimeMessage parse(byte[] raw) {
    try {
      return new MimeMessage(null, new ByteArrayInputStream(raw));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private record Customer(long id, String address, String password) {}
}
