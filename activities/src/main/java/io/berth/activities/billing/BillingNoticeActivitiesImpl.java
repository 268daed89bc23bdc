package io.berth.activities.billing;

import io.berth.activities.common.PermanentException;
import io.berth.persistence.account.Customer;
import io.berth.persistence.account.CustomerRepository;
import io.berth.persistence.billing.Subscription;
import io.berth.persistence.billing.SubscriptionRepository;
import io.berth.persistence.plan.Plan;
import io.berth.persistence.plan.PlanRepository;
import io.berth.workflows.billing.BillingEvent;
import io.berth.workflows.billing.BillingNotice;
import io.berth.workflows.billing.BillingNoticeActivities;
import io.berth.workflows.billing.PaymentMethod;
import io.berth.workflows.common.FailureType;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Billing e-mails on {@code berth-control}, each sent once per (subscription, notice, key).
 *
 * <p>The order is: in one transaction, insert the {@code billing_notice} row, then send, then
 * commit. A failed send rolls the row back, so the retry sends; a row already there (committed by
 * an earlier attempt) means the mail went out and nothing is sent. A concurrent attempt with the
 * same key waits on the uncommitted row and then finds it, so two workers never both send. The one
 * window left is a crash between the server accepting the mail and the commit, a few milliseconds
 * instead of the whole SMTP conversation that "send, then insert" would leave open; the Message-ID
 * is derived from the key, so even then a mail client shows one message.
 */
public class BillingNoticeActivitiesImpl implements BillingNoticeActivities {

  private static final Logger log = LoggerFactory.getLogger(BillingNoticeActivitiesImpl.class);

  private final SubscriptionRepository subscriptions;
  private final CustomerRepository customers;
  private final PlanRepository plans;
  private final BillingMailer mailer;
  private final PanelLinks panel;
  private final JdbcClient jdbc;
  private final TransactionOperations transactions;

  public BillingNoticeActivitiesImpl(
      SubscriptionRepository subscriptions,
      CustomerRepository customers,
      PlanRepository plans,
      BillingMailer mailer,
      PanelLinks panel,
      JdbcClient jdbc,
      TransactionOperations transactions) {
    this.subscriptions = subscriptions;
    this.customers = customers;
    this.plans = plans;
    this.mailer = mailer;
    this.panel = panel;
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  @Override
  public void send(long subscriptionId, BillingNotice notice, String key, BillingEvent event) {
    Subscription subscription =
        subscriptions
            .findById(subscriptionId)
            .orElseThrow(
                () ->
                    new PermanentException(
                        FailureType.NOT_FOUND,
                        "Subscription " + subscriptionId + " does not exist"));
    Customer customer =
        customers
            .findById(subscription.customerId())
            .orElseThrow(
                () ->
                    new PermanentException(
                        FailureType.NOT_FOUND,
                        "Customer " + subscription.customerId() + " does not exist"));
    Plan plan =
        plans
            .findById(subscription.planId())
            .orElseThrow(
                () ->
                    new PermanentException(
                        FailureType.NOT_FOUND,
                        "Plan " + subscription.planId() + " does not exist"));
    BillingMail mail =
        BillingMails.compose(customer.email(), notice, key, facts(subscription, plan, event));
    String noticeKey = NoticeKeys.of(key);
    boolean sent =
        Boolean.TRUE.equals(
            transactions.execute(
                status -> {
                  if (!claim(subscriptionId, notice, noticeKey)) {
                    return false;
                  }
                  mailer.send(mail);
                  return true;
                }));
    if (sent) {
      log.info("Sent {} of subscription {} ({})", notice, subscriptionId, noticeKey);
    } else {
      log.info("{} of subscription {} ({}) was sent before", notice, subscriptionId, noticeKey);
    }
  }

  /** Inserts the notice's row; false when it is there already. */
  private boolean claim(long subscriptionId, BillingNotice notice, String noticeKey) {
    return jdbc.sql(
                """
                INSERT INTO billing_notice (subscription_id, notice, notice_key)
                VALUES (:subscription, :notice, :key) ON CONFLICT DO NOTHING
                """)
            .param("subscription", subscriptionId)
            .param("notice", notice.name())
            .param("key", noticeKey)
            .update()
        == 1;
  }

  private NoticeFacts facts(Subscription subscription, Plan plan, BillingEvent event) {
    boolean eventAmount = event != null && event.amountCents() > 0 && event.currency() != null;
    String amount =
        eventAmount
            ? Money.format(event.amountCents(), event.currency())
            : Money.format(plan.priceCents(), plan.currency());
    Instant periodEnd =
        event != null && event.periodEndMillis() != null
            ? Instant.ofEpochMilli(event.periodEndMillis())
            : subscription.currentPeriodEnd();
    return new NoticeFacts(
        subscription.id(),
        plan.name(),
        amount,
        periodEnd,
        subscription.nextStepAt(),
        event != null ? event.invoiceRef() : null,
        subscription.gateway() == PaymentMethod.BANK_TRANSFER,
        panel.billing());
  }
}
