package io.berth.activities.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.activities.billing.BillingRows.Placed;
import io.berth.activities.testing.PlatformDatabase;
import io.berth.activities.testing.PlatformRows;
import io.berth.persistence.billing.Invoice;
import io.berth.persistence.billing.InvoiceRepository;
import io.berth.persistence.billing.Subscription;
import io.berth.persistence.billing.SubscriptionRepository;
import io.berth.persistence.domain.Domain;
import io.berth.persistence.domain.DomainRepository;
import io.berth.persistence.mail.MailDomain;
import io.berth.persistence.mail.MailDomainRepository;
import io.berth.persistence.mail.Mailbox;
import io.berth.persistence.mail.MailboxRepository;
import io.berth.workflows.billing.CustomerLeftovers;
import io.berth.workflows.billing.PaymentMethod;
import io.berth.workflows.billing.SiteRef;
import io.berth.workflows.billing.SubscriptionActivities;
import io.berth.workflows.billing.SubscriptionState;
import io.berth.workflows.billing.SubscriptionStatus;
import io.berth.workflows.domain.DomainMode;
import io.berth.workflows.domain.DomainStatus;
import io.berth.workflows.mail.MailboxStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
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

/** {@link SubscriptionActivitiesImpl} as the worker wires it, on the real schema in PostgreSQL. */
@SpringBootTest(classes = SubscriptionActivitiesIT.Context.class)
class SubscriptionActivitiesIT {

  private static final String DATABASE = "berth_subscription_it";

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @EnableJdbcRepositories(basePackages = "io.berth.persistence")
  @Import(BillingConfig.class)
  static class Context {}

  @DynamicPropertySource
  static void freshDatabase(DynamicPropertyRegistry properties) throws Exception {
    PlatformDatabase.createFor(properties, DATABASE);
    // The context stays cached for the rest of the run: hold few of the server's connections.
    properties.add("spring.datasource.hikari.maximum-pool-size", () -> 2);
  }

  @Autowired SubscriptionActivities activities;
  @Autowired SubscriptionRepository subscriptions;
  @Autowired InvoiceRepository invoices;
  @Autowired DomainRepository domains;
  @Autowired MailDomainRepository mailDomains;
  @Autowired MailboxRepository mailboxes;
  @Autowired JdbcClient jdbc;

  private BillingRows rows;

  @BeforeEach
  void rows() {
    rows = new BillingRows(jdbc);
  }

  @Test
  void theWorkflowsState_isStoredForThePanel() {
    Placed placed =
        rows.order(rows.customer(), "starter", PaymentMethod.STRIPE, SubscriptionStatus.ACTIVE);
    Instant periodEnd = Instant.parse("2026-04-01T00:00:00Z");
    Instant since = Instant.parse("2026-04-02T10:15:30.123Z");
    Instant suspendAt = Instant.parse("2026-04-09T10:15:30.123Z");

    activities.recordState(
        placed.subscription(),
        new SubscriptionState(
            SubscriptionStatus.PAST_DUE,
            periodEnd.toEpochMilli(),
            since.toEpochMilli(),
            true,
            suspendAt.toEpochMilli()));

    Subscription row = subscriptions.findById(placed.subscription()).orElseThrow();
    assertThat(row.status()).isEqualTo(SubscriptionStatus.PAST_DUE);
    assertThat(row.currentPeriodEnd()).isEqualTo(periodEnd);
    assertThat(row.statusSince()).isEqualTo(since);
    assertThat(row.nextStepAt()).isEqualTo(suspendAt);
    assertThat(row.cancelAtPeriodEnd()).isTrue();
  }

  @Test
  void aTerminatedSubscription_staysTerminated() {
    Placed placed =
        rows.order(rows.customer(), "starter", PaymentMethod.STRIPE, SubscriptionStatus.ACTIVE);
    activities.recordState(
        placed.subscription(),
        new SubscriptionState(SubscriptionStatus.TERMINATED, null, null, false, null));

    activities.recordState(
        placed.subscription(),
        new SubscriptionState(SubscriptionStatus.ACTIVE, null, null, false, null));

    assertThat(subscriptions.findById(placed.subscription()).orElseThrow().status())
        .isEqualTo(SubscriptionStatus.TERMINATED);
  }

  @Test
  void sites_areTheLiveOnesWithTheirHosts() {
    Placed placed =
        rows.order(rows.customer(), "business", PaymentMethod.STRIPE, SubscriptionStatus.ACTIVE);
    long running = rows.site(placed, "RUNNING", "it-host-a");
    long suspended = rows.site(placed, "SUSPENDED", "it-host-b");
    rows.site(placed, "CANCELLED", "it-host-a");
    rows.site(placed, "FAILED", "it-host-a");
    rows.site(placed, "DELETED", "it-host-a");
    rows.site(placed, "PROVISIONING", null);

    List<SiteRef> sites = activities.sites(placed.subscription());

    assertThat(sites)
        .containsExactly(new SiteRef(running, "it-host-a"), new SiteRef(suspended, "it-host-b"));
  }

  @Test
  void openingTheRenewalInvoiceTwice_opensOneAtThePlansPrice() {
    Placed placed =
        rows.order(
            rows.customer(), "starter", PaymentMethod.BANK_TRANSFER, SubscriptionStatus.ACTIVE);
    Instant start = Instant.parse("2026-01-31T12:00:00Z");

    String first = activities.openRenewalInvoice(placed.subscription(), start.toEpochMilli());
    String again = activities.openRenewalInvoice(placed.subscription(), start.toEpochMilli());

    List<Invoice> opened = invoices.findBySubscriptionIdOrderByIdDesc(placed.subscription());
    assertThat(opened).hasSize(1);
    Invoice invoice = opened.get(0);
    assertThat(again).isEqualTo(first).isEqualTo(invoice.ref()).isEqualTo("berth-" + invoice.id());
    assertThat(invoice.status()).isEqualTo(Invoice.OPEN);
    assertThat(invoice.amountCents()).isEqualTo(500);
    assertThat(invoice.currency()).isEqualTo("EUR");
    assertThat(invoice.customerId()).isEqualTo(placed.customer());
    assertThat(invoice.number()).isEqualTo(first);
    assertThat(invoice.periodStart()).isEqualTo(start);
    assertThat(invoice.periodEnd()).isEqualTo(Instant.parse("2026-02-28T12:00:00Z"));
  }

  @Test
  void theNextPeriod_getsItsOwnInvoice() {
    Placed placed =
        rows.order(
            rows.customer(), "starter", PaymentMethod.BANK_TRANSFER, SubscriptionStatus.ACTIVE);

    String march =
        activities.openRenewalInvoice(
            placed.subscription(), Instant.parse("2026-03-01T00:00:00Z").toEpochMilli());
    String april =
        activities.openRenewalInvoice(
            placed.subscription(), Instant.parse("2026-04-01T00:00:00Z").toEpochMilli());

    assertThat(april).isNotEqualTo(march);
    assertThat(invoices.findBySubscriptionIdOrderByIdDesc(placed.subscription())).hasSize(2);
  }

  @Test
  void leftovers_areNoneWhileAnotherSubscriptionServes() {
    long customer = rows.customer();
    Placed leaving =
        rows.order(customer, "starter", PaymentMethod.STRIPE, SubscriptionStatus.CANCELLED);
    rows.order(customer, "business", PaymentMethod.BANK_TRANSFER, SubscriptionStatus.SUSPENDED);
    mailOn(customer);

    assertThat(activities.leftovers(leaving.subscription())).isEqualTo(CustomerLeftovers.none());
  }

  @Test
  void leftovers_areTheLiveDomainsMailDomainsAndMailboxes_whenNothingElseServes() {
    long customer = rows.customer();
    Placed leaving =
        rows.order(customer, "starter", PaymentMethod.STRIPE, SubscriptionStatus.CANCELLED);
    rows.order(customer, "starter", PaymentMethod.STRIPE, SubscriptionStatus.TERMINATED);
    Held held = mailOn(customer);
    Domain removed = domains.save(Domain.added(customer, newName(), DomainMode.HOSTED, null));
    domains.updateStatus(removed.id(), DomainStatus.REMOVED, null, null);
    Mailbox deleted = mailbox(customer, held.mailDomain(), "old");
    mailboxes.markDeleted(deleted.id(), Instant.now());
    rows.order(rows.customer(), "starter", PaymentMethod.STRIPE, SubscriptionStatus.ACTIVE);

    CustomerLeftovers leftovers = activities.leftovers(leaving.subscription());

    assertThat(leftovers.domainIds()).containsExactly(held.domain().id());
    assertThat(leftovers.mailDomainIds()).containsExactly(held.mailDomain().id());
    assertThat(leftovers.mailboxIds()).containsExactly(held.mailbox().id());
  }

  /** A hosted domain with email on and one live mailbox. */
  private Held mailOn(long customer) {
    String name = newName();
    Domain domain = domains.save(Domain.added(customer, name, DomainMode.HOSTED, null));
    MailDomain mailDomain = mailDomains.save(MailDomain.creating(customer, domain.id(), name));
    Mailbox mailbox = mailbox(customer, mailDomain, "info");
    mailboxes.updateStatus(mailbox.id(), MailboxStatus.ACTIVE, null);
    return new Held(domain, mailDomain, mailbox);
  }

  private Mailbox mailbox(long customer, MailDomain mailDomain, String localPart) {
    return mailboxes.save(
        Mailbox.creating(
            customer, mailDomain.id(), localPart, mailDomain.name(), null, "$2y$10$x", 50));
  }

  private static String newName() {
    return PlatformRows.uniqueName("t") + ".test";
  }

  private record Held(Domain domain, MailDomain mailDomain, Mailbox mailbox) {}
}
