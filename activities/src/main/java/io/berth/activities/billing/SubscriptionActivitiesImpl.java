package io.berth.activities.billing;

import io.berth.activities.common.PermanentException;
import io.berth.persistence.billing.Subscription;
import io.berth.persistence.billing.SubscriptionRepository;
import io.berth.persistence.domain.Domain;
import io.berth.persistence.domain.DomainRepository;
import io.berth.persistence.mail.MailDomain;
import io.berth.persistence.mail.MailDomainRepository;
import io.berth.persistence.mail.Mailbox;
import io.berth.persistence.mail.MailboxRepository;
import io.berth.persistence.plan.Plan;
import io.berth.persistence.plan.PlanRepository;
import io.berth.persistence.site.SiteRepository;
import io.berth.workflows.billing.CustomerLeftovers;
import io.berth.workflows.billing.SiteRef;
import io.berth.workflows.billing.SubscriptionActivities;
import io.berth.workflows.billing.SubscriptionState;
import io.berth.workflows.billing.SubscriptionStatus;
import io.berth.workflows.common.FailureType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscriptions' rows in the platform database, on {@code berth-control}: the workflow's state for
 * the panel, the sites it suspends and resumes, Berth's own renewal invoices (bank transfer), and
 * what a leaving customer still holds. Every call can be repeated with the same effect.
 */
public class SubscriptionActivitiesImpl implements SubscriptionActivities {

  /** Subscriptions that still hold the customer's domains and mail (not ended). */
  static final Set<SubscriptionStatus> HOLDING =
      EnumSet.of(
          SubscriptionStatus.INCOMPLETE,
          SubscriptionStatus.TRIALING,
          SubscriptionStatus.ACTIVE,
          SubscriptionStatus.PAST_DUE,
          SubscriptionStatus.SUSPENDED);

  private final SubscriptionRepository subscriptions;
  private final PlanRepository plans;
  private final SiteRepository sites;
  private final DomainRepository domains;
  private final MailDomainRepository mailDomains;
  private final MailboxRepository mailboxes;
  private final JdbcClient jdbc;

  public SubscriptionActivitiesImpl(
      SubscriptionRepository subscriptions,
      PlanRepository plans,
      SiteRepository sites,
      DomainRepository domains,
      MailDomainRepository mailDomains,
      MailboxRepository mailboxes,
      JdbcClient jdbc) {
    this.subscriptions = subscriptions;
    this.plans = plans;
    this.sites = sites;
    this.domains = domains;
    this.mailDomains = mailDomains;
    this.mailboxes = mailboxes;
    this.jdbc = jdbc;
  }

  @Override
  @Transactional
  public void recordState(long subscriptionId, SubscriptionState state) {
    subscriptions.recordState(
        subscriptionId,
        state.status(),
        instant(state.periodEndMillis()),
        instant(state.sinceMillis()),
        instant(state.nextStepAtMillis()),
        state.cancelAtPeriodEnd());
  }

  @Override
  public List<SiteRef> sites(long subscriptionId) {
    Subscription subscription = subscription(subscriptionId);
    return sites.findLiveByOrderId(subscription.orderId()).stream()
        .filter(site -> site.hostId() != null)
        .map(site -> new SiteRef(site.id(), site.hostId()))
        .toList();
  }

  /**
   * Inserts the OPEN invoice of the period at the plan's price, or finds the one inserted before
   * ({@code invoice_berth_period_uq}): one invoice per period however often it is called.
   */
  @Override
  @Transactional
  public String openRenewalInvoice(long subscriptionId, long periodStartMillis) {
    Subscription subscription = subscription(subscriptionId);
    if (subscription.gateway() != null && subscription.gateway().invoicesItself()) {
      throw new PermanentException(
          FailureType.INVALID_INPUT,
          "Subscription " + subscriptionId + " is invoiced by " + subscription.gateway());
    }
    Plan plan = plan(subscription.planId());
    Instant start = Instant.ofEpochMilli(periodStartMillis);
    Instant end = PlanPeriods.end(plan, start);
    Long inserted =
        jdbc.sql(
                """
                INSERT INTO invoice (subscription_id, customer_id, amount_cents, currency, status,
                                     period_start, period_end)
                VALUES (:subscription, :customer, :amount, :currency, 'OPEN', :start, :end)
                ON CONFLICT (subscription_id, period_start) WHERE stripe_invoice_id IS NULL
                DO NOTHING
                RETURNING id
                """)
            .param("subscription", subscriptionId)
            .param("customer", subscription.customerId())
            .param("amount", (long) plan.priceCents())
            .param("currency", plan.currency())
            .param("start", Timestamp.from(start))
            .param("end", Timestamp.from(end))
            .query(Long.class)
            .optional()
            .orElse(null);
    if (inserted != null) {
      jdbc.sql("UPDATE invoice SET number = :number WHERE id = :id")
          .param("number", ref(inserted))
          .param("id", inserted)
          .update();
      return ref(inserted);
    }
    long existing =
        jdbc.sql(
                """
                SELECT id FROM invoice WHERE subscription_id = :subscription
                   AND period_start = :start AND stripe_invoice_id IS NULL
                """)
            .param("subscription", subscriptionId)
            .param("start", Timestamp.from(start))
            .query(Long.class)
            .single();
    return ref(existing);
  }

  @Override
  public CustomerLeftovers leftovers(long subscriptionId) {
    Subscription subscription = subscription(subscriptionId);
    boolean anotherServes =
        subscriptions.findByCustomerIdOrderById(subscription.customerId()).stream()
            .anyMatch(s -> !s.id().equals(subscription.id()) && HOLDING.contains(s.status()));
    if (anotherServes) {
      return CustomerLeftovers.none();
    }
    long customer = subscription.customerId();
    return new CustomerLeftovers(
        domains.findLiveByCustomerId(customer).stream().map(Domain::id).toList(),
        mailDomains.findLiveByCustomerId(customer).stream().map(MailDomain::id).toList(),
        mailboxes.findStoredByCustomerId(customer).stream()
            .filter(Mailbox::isLive)
            .map(Mailbox::id)
            .toList());
  }

  /** How the workflow and the e-mails know a Berth invoice. */
  static String ref(long invoiceId) {
    return "berth-" + invoiceId;
  }

  private Subscription subscription(long id) {
    return subscriptions
        .findById(id)
        .orElseThrow(
            () ->
                new PermanentException(
                    FailureType.NOT_FOUND, "Subscription " + id + " does not exist"));
  }

  private Plan plan(long id) {
    return plans
        .findById(id)
        .orElseThrow(
            () -> new PermanentException(FailureType.NOT_FOUND, "Plan " + id + " does not exist"));
  }

  private static Instant instant(Long epochMillis) {
    return epochMillis != null ? Instant.ofEpochMilli(epochMillis) : null;
  }
}
