package io.berth.panel.payment;

import static io.berth.panel.payment.StripePayloads.CUSTOMER_ID;
import static io.berth.panel.payment.StripePayloads.SESSION_ID;
import static io.berth.panel.payment.StripePayloads.checkoutSession;
import static io.berth.panel.payment.StripePayloads.event;
import static io.berth.panel.payment.StripePayloads.invoice;
import static io.berth.panel.payment.StripePayloads.plain;
import static io.berth.panel.payment.StripePayloads.refundedCharge;
import static io.berth.panel.payment.StripePayloads.subscription;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.panel.PanelApplication;
import io.berth.panel.payment.BillingRows.Billed;
import io.berth.persistence.account.CustomerRepository;
import io.berth.persistence.billing.Invoice;
import io.berth.persistence.billing.InvoiceRepository;
import io.berth.persistence.billing.Subscription;
import io.berth.persistence.billing.SubscriptionRepository;
import io.berth.persistence.order.CustomerOrder;
import io.berth.persistence.order.OrderRepository;
import io.berth.persistence.plan.Plan;
import io.berth.persistence.plan.PlanRepository;
import io.berth.persistence.site.SiteRepository;
import io.berth.workflows.billing.BillingEvent;
import io.berth.workflows.billing.BillingEventKind;
import io.berth.workflows.billing.DunningPolicy;
import io.berth.workflows.billing.PaymentMethod;
import io.berth.workflows.billing.SubscriptionRequest;
import io.berth.workflows.billing.SubscriptionStatus;
import io.berth.workflows.billing.SubscriptionWorkflow;
import io.berth.workflows.order.OrderRequest;
import io.berth.workflows.order.OrderStatus;
import io.berth.workflows.order.OrderWorkflow;
import io.berth.workflows.site.SiteStatus;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.history.v1.WorkflowExecutionSignaledEventAttributes;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.converter.DataConverter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Stripe's webhook deliveries against the panel on a random port, the test database and the
 * Temporal dev server. Each test makes real rows (customer, order, site, subscription) and starts
 * the real {@code order-<id>} and {@code subscription-<id>} executions on a task queue no worker
 * polls, so they stay running and every signal and cancellation request the webhook sends stays in
 * their histories, where the tests count them. Events are signed with the test secret as Stripe
 * signs them; each is delivered three times (some at once) and must act exactly once.
 */
@SpringBootTest(
    classes = PanelApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "berth.stripe.webhook-secret=" + StripeSignatures.SECRET)
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StripeWebhookIT {

  static final String NO_WORKER_QUEUE = "berth-it-stripe-webhook-no-worker";
  static final String PATH = "/api/v1/payments/stripe/webhook";
  private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
  private static final AtomicInteger COUNTER = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired WorkflowClient temporal;
  @Autowired CustomerRepository customers;
  @Autowired PlanRepository plans;
  @Autowired OrderRepository orders;
  @Autowired SiteRepository sites;
  @Autowired SubscriptionRepository subscriptions;
  @Autowired InvoiceRepository invoices;
  @Autowired JdbcTemplate jdbc;

  private BillingRows rows;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ExecutorService senders = Executors.newFixedThreadPool(3);
  private final Set<String> started = ConcurrentHashMap.newKeySet();

  /** An answer of the endpoint. */
  record Answer(int status, String contentType, JsonNode body) {}

  @BeforeAll
  void rows() {
    rows = new BillingRows(customers, plans, orders, sites, subscriptions);
  }

  // ---- checkout sessions ----

  @Test
  void aPaidCheckout_deliveredThreeTimesAtOnce_recordsThePaymentAndTellsBothWorkflowsOnce() {
    Billed billed = billed(true, true);
    String stripeSubscription = unique("sub_");
    String firstInvoice = unique("in_");
    long created = nowSeconds();
    String id = unique("evt_");
    String payload =
        event(
            id,
            "checkout.session.completed",
            created,
            checkoutSession(
                billed.orderId(),
                billed.subscriptionId(),
                "paid",
                stripeSubscription,
                firstInvoice));

    assertActedOnce(id, deliverThreeTimes(payload, true));

    CustomerOrder order = orders.findById(billed.orderId()).orElseThrow();
    assertThat(order.paymentRef()).isEqualTo(SESSION_ID);
    assertThat(customers.findById(billed.customerId()).orElseThrow().stripeCustomerId())
        .isEqualTo(CUSTOMER_ID);
    assertThat(subscriptionRow(billed).stripeSubscriptionId()).isEqualTo(stripeSubscription);
    assertThat(paymentsReceived(billed)).containsExactly(SESSION_ID);
    List<BillingEvent> told = billingEvents(billed);
    assertThat(told).hasSize(1);
    BillingEvent paid = told.get(0);
    assertThat(paid.id()).isEqualTo(id);
    assertThat(paid.kind()).isEqualTo(BillingEventKind.PAID);
    assertThat(paid.occurredAtMillis()).isEqualTo(created * 1000);
    assertThat(paid.invoiceRef()).isEqualTo(firstInvoice);
    assertThat(paid.amountCents()).isEqualTo(500);
    assertThat(paid.currency()).isEqualTo("eur");
  }

  @Test
  void anUnpaidCheckout_isOnlyRecorded() {
    Billed billed = billed(true, true);
    String id = unique("evt_");
    String payload =
        event(
            id,
            "checkout.session.completed",
            nowSeconds(),
            checkoutSession(
                billed.orderId(), billed.subscriptionId(), "unpaid", unique("sub_"), null));

    assertActedOnce(id, deliverThreeTimes(payload, false));

    assertThat(orders.findById(billed.orderId()).orElseThrow().paymentRef()).isNull();
    assertThat(subscriptionRow(billed).stripeSubscriptionId()).isNull();
    assertNoSignals(billed);
  }

  @Test
  void aDelayedPaymentThatSucceeds_countsAsPaidOnce() {
    Billed billed = billed(true, true);
    String id = unique("evt_");
    String payload =
        event(
            id,
            "checkout.session.async_payment_succeeded",
            nowSeconds(),
            checkoutSession(
                billed.orderId(), billed.subscriptionId(), "paid", unique("sub_"), null));

    assertActedOnce(id, deliverThreeTimes(payload, false));

    assertThat(orders.findById(billed.orderId()).orElseThrow().paymentRef()).isEqualTo(SESSION_ID);
    assertThat(paymentsReceived(billed)).containsExactly(SESSION_ID);
    assertThat(billingEvents(billed))
        .singleElement()
        .satisfies(
            paid -> {
              assertThat(paid.kind()).isEqualTo(BillingEventKind.PAID);
              assertThat(paid.invoiceRef()).isEqualTo(SESSION_ID);
            });
  }

  @Test
  void aDelayedPaymentThatFails_cancelsTheWaitingOrdersWorkflowOnce() {
    Billed billed = billed(true, true);
    String id = unique("evt_");
    String payload =
        event(
            id,
            "checkout.session.async_payment_failed",
            nowSeconds(),
            checkoutSession(
                billed.orderId(), billed.subscriptionId(), "unpaid", unique("sub_"), null));

    assertActedOnce(id, deliverThreeTimes(payload, true));

    assertThat(cancelRequests(billed.orderWorkflow()))
        .containsExactly(CheckoutSessionEvents.NOT_COMPLETED);
    assertThat(paymentsReceived(billed)).isEmpty();
    assertThat(billingEvents(billed)).isEmpty();
  }

  @Test
  void
      anExpiredCheckout_ofAnOrderWhoseWorkflowNeverRan_closesTheOrderAndItsSiteAndEndsTheSubscription() {
    Billed billed = billed(false, true);
    String id = unique("evt_");
    String payload =
        event(
            id,
            "checkout.session.expired",
            nowSeconds(),
            checkoutSession(
                billed.orderId(), billed.subscriptionId(), "unpaid", unique("sub_"), null));

    assertActedOnce(id, deliverThreeTimes(payload, false));

    CustomerOrder order = orders.findById(billed.orderId()).orElseThrow();
    assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(order.failureReason()).isEqualTo("Payment was not completed");
    assertThat(sites.findById(billed.siteId()).orElseThrow().status())
        .isEqualTo(SiteStatus.CANCELLED);
    assertThat(billingEvents(billed))
        .singleElement()
        .extracting(BillingEvent::kind)
        .isEqualTo(BillingEventKind.ENDED);
  }

  @Test
  void anExpiredCheckout_ofAnOrderAlreadyPaid_changesNothing() {
    Billed billed = billed(true, true);
    orders.recordPayment(billed.orderId(), "cs_test_paid_another_way");
    String id = unique("evt_");
    String payload =
        event(
            id,
            "checkout.session.expired",
            nowSeconds(),
            checkoutSession(
                billed.orderId(), billed.subscriptionId(), "unpaid", unique("sub_"), null));

    assertActedOnce(id, deliverThreeTimes(payload, false));

    assertThat(orders.findById(billed.orderId()).orElseThrow().status())
        .isEqualTo(OrderStatus.AWAITING_PAYMENT);
    assertThat(cancelRequests(billed.orderWorkflow())).isEmpty();
    assertNoSignals(billed);
  }

  // ---- subscriptions ----

  @Test
  void aCreatedSubscription_isLinkedAndItsPeriodAndPlanCopied_withoutTellingTheWorkflow() {
    Billed billed = billed(true, true);
    Plan business = rows.plan("business");
    String stripeId = unique("sub_");
    long periodEnd = nowSeconds() + 30 * 86_400;
    long created = nowSeconds();
    String id = unique("evt_");
    String payload =
        event(
            id,
            "customer.subscription.created",
            created,
            subscription(
                stripeId, billed.subscriptionId(), periodEnd, false, business.stripePriceId()));

    assertActedOnce(id, deliverThreeTimes(payload, true));

    Subscription row = subscriptionRow(billed);
    assertThat(row.stripeSubscriptionId()).isEqualTo(stripeId);
    assertThat(row.currentPeriodEnd()).isEqualTo(Instant.ofEpochSecond(periodEnd));
    assertThat(row.planId()).isEqualTo(business.id());
    assertThat(row.cancelAtPeriodEnd()).isFalse();
    assertThat(row.stripeStateAt()).isEqualTo(Instant.ofEpochSecond(created));
    assertNoSignals(billed);
  }

  @Test
  void cancellingAtPeriodEndAndWithdrawingIt_eachTellTheWorkflowOnce() {
    Billed billed = billed(true, true);
    String stripeId = unique("sub_");
    long periodEnd = nowSeconds() + 30 * 86_400;
    String price = billed.plan().stripePriceId();
    String cancel = unique("evt_");
    String reactivate = unique("evt_");

    assertActedOnce(
        cancel,
        deliverThreeTimes(
            event(
                cancel,
                "customer.subscription.updated",
                nowSeconds() - 10,
                subscription(stripeId, billed.subscriptionId(), periodEnd, true, price),
                Map.of("cancel_at_period_end", false)),
            true));
    assertThat(subscriptionRow(billed).cancelAtPeriodEnd()).isTrue();

    assertActedOnce(
        reactivate,
        deliverThreeTimes(
            event(
                reactivate,
                "customer.subscription.updated",
                nowSeconds(),
                subscription(stripeId, billed.subscriptionId(), periodEnd, false, price),
                Map.of("cancel_at_period_end", true)),
            false));
    assertThat(subscriptionRow(billed).cancelAtPeriodEnd()).isFalse();

    assertThat(billingEvents(billed))
        .extracting(BillingEvent::id, BillingEvent::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(cancel, BillingEventKind.CANCEL_AT_PERIOD_END),
            org.assertj.core.groups.Tuple.tuple(reactivate, BillingEventKind.REACTIVATED));
  }

  @Test
  void aDeletedSubscription_endsItOnce() {
    Billed billed = billed(true, true);
    String id = unique("evt_");
    String payload =
        event(
            id,
            "customer.subscription.deleted",
            nowSeconds(),
            subscription(
                unique("sub_"),
                billed.subscriptionId(),
                nowSeconds(),
                false,
                billed.plan().stripePriceId()));

    assertActedOnce(id, deliverThreeTimes(payload, true));

    assertThat(billingEvents(billed))
        .singleElement()
        .satisfies(
            ended -> {
              assertThat(ended.id()).isEqualTo(id);
              assertThat(ended.kind()).isEqualTo(BillingEventKind.ENDED);
            });
  }

  @Test
  void aTrialAboutToEnd_triggersTheReminderOnce() {
    Billed billed = billed(true, true);
    long trialEnd = nowSeconds() + 3 * 86_400;
    Map<String, Object> trialing =
        subscription(
            unique("sub_"),
            billed.subscriptionId(),
            trialEnd,
            false,
            billed.plan().stripePriceId());
    trialing.put("status", "trialing");
    trialing.put("trial_end", trialEnd);
    String id = unique("evt_");

    assertActedOnce(
        id,
        deliverThreeTimes(
            event(id, "customer.subscription.trial_will_end", nowSeconds(), trialing), false));

    assertThat(billingEvents(billed))
        .singleElement()
        .satisfies(
            reminder -> {
              assertThat(reminder.kind()).isEqualTo(BillingEventKind.TRIAL_ENDING);
              assertThat(reminder.periodEndMillis()).isEqualTo(trialEnd * 1000);
            });
  }

  @Test
  void aPausedOrResumedSubscription_isOnlyRecorded() {
    Billed billed = billed(true, true);
    for (String type : List.of("customer.subscription.paused", "customer.subscription.resumed")) {
      String id = unique("evt_");
      String payload =
          event(
              id,
              type,
              nowSeconds(),
              subscription(
                  unique("sub_"),
                  billed.subscriptionId(),
                  nowSeconds() + 86_400,
                  true,
                  billed.plan().stripePriceId()));

      assertActedOnce(id, deliverThreeTimes(payload, false));
    }

    Subscription row = subscriptionRow(billed);
    assertThat(row.stripeStateAt()).isNull();
    assertThat(row.cancelAtPeriodEnd()).isFalse();
    assertNoSignals(billed);
  }

  // ---- invoices ----

  @Test
  void anInvoiceBeingDraftedFinalizedUpdatedAndSent_isOneRowTheCustomerSees_withoutSignals() {
    Billed billed = billed(true, true);
    String invoiceId = unique("in_");
    String stripeSubscription = unique("sub_");
    long start = nowSeconds();
    long end = start + 30 * 86_400;

    deliverInvoiceEvent(
        billed, "invoice.created", invoiceId, stripeSubscription, "draft", 0, start, end);
    Invoice draft = invoices.findByStripeInvoiceId(invoiceId).orElseThrow();
    assertThat(draft.status()).isEqualTo(Invoice.DRAFT);
    assertThat(draft.number()).isNull();

    deliverInvoiceEvent(
        billed, "invoice.finalized", invoiceId, stripeSubscription, "open", 0, start, end);
    deliverInvoiceEvent(
        billed, "invoice.updated", invoiceId, stripeSubscription, "open", 0, start, end);
    deliverInvoiceEvent(
        billed, "invoice.sent", invoiceId, stripeSubscription, "open", 0, start, end);

    List<Invoice> rows = invoices.findBySubscriptionIdOrderByIdDesc(billed.subscriptionId());
    assertThat(rows).hasSize(1);
    Invoice open = rows.get(0);
    assertThat(open.stripeInvoiceId()).isEqualTo(invoiceId);
    assertThat(open.customerId()).isEqualTo(billed.customerId());
    assertThat(open.status()).isEqualTo(Invoice.OPEN);
    assertThat(open.number()).isEqualTo("BERTH-" + invoiceId.substring(3));
    assertThat(open.amountCents()).isEqualTo(500);
    assertThat(open.currency()).isEqualTo("EUR");
    assertThat(open.hostedUrl()).isEqualTo("https://invoice.stripe.com/i/acct_test/" + invoiceId);
    assertThat(open.pdfUrl()).endsWith(invoiceId + "/pdf");
    assertThat(open.periodStart()).isEqualTo(Instant.ofEpochSecond(start));
    assertThat(open.periodEnd()).isEqualTo(Instant.ofEpochSecond(end));
    assertNoSignals(billed);
  }

  @Test
  void aPaidInvoice_deliveredThreeTimesAtOnce_isPaidAndTellsTheWorkflowOncePerEvent() {
    Billed billed = billed(true, true);
    String invoiceId = unique("in_");
    String stripeSubscription = unique("sub_");
    long start = nowSeconds();
    long end = start + 30 * 86_400;
    long created = nowSeconds();
    String paid = unique("evt_");
    String succeeded = unique("evt_");

    assertActedOnce(
        paid,
        deliverThreeTimes(
            event(
                paid,
                "invoice.paid",
                created,
                invoice(
                    invoiceId,
                    billed.subscriptionId(),
                    stripeSubscription,
                    "paid",
                    500,
                    1,
                    start,
                    end)),
            true));
    assertActedOnce(
        succeeded,
        deliverThreeTimes(
            event(
                succeeded,
                "invoice.payment_succeeded",
                created,
                invoice(
                    invoiceId,
                    billed.subscriptionId(),
                    stripeSubscription,
                    "paid",
                    500,
                    1,
                    start,
                    end)),
            false));

    Invoice row = invoices.findByStripeInvoiceId(invoiceId).orElseThrow();
    assertThat(row.status()).isEqualTo(Invoice.PAID);
    assertThat(row.paidAt()).isNotNull();
    assertThat(billingEvents(billed)).extracting(BillingEvent::id).containsExactly(paid, succeeded);
    assertThat(billingEvents(billed))
        .allSatisfy(
            event -> {
              assertThat(event.kind()).isEqualTo(BillingEventKind.PAID);
              assertThat(event.invoiceRef()).isEqualTo(invoiceId);
              assertThat(event.periodEndMillis()).isEqualTo(end * 1000);
              assertThat(event.amountCents()).isEqualTo(500);
              assertThat(event.occurredAtMillis()).isEqualTo(created * 1000);
            });
  }

  @Test
  void aFailedRenewal_leavesTheInvoiceOpenAndStartsDunningOnce() {
    Billed billed = billed(true, true);
    String invoiceId = unique("in_");
    long start = nowSeconds();
    String id = unique("evt_");
    String payload =
        event(
            id,
            "invoice.payment_failed",
            nowSeconds(),
            invoice(
                invoiceId,
                billed.subscriptionId(),
                unique("sub_"),
                "open",
                500,
                1,
                start,
                start + 86_400));

    assertActedOnce(id, deliverThreeTimes(payload, true));

    Invoice row = invoices.findByStripeInvoiceId(invoiceId).orElseThrow();
    assertThat(row.status()).isEqualTo(Invoice.OPEN);
    assertThat(row.attemptCount()).isEqualTo(1);
    assertThat(billingEvents(billed))
        .singleElement()
        .satisfies(
            failed -> {
              assertThat(failed.kind()).isEqualTo(BillingEventKind.PAYMENT_FAILED);
              assertThat(failed.invoiceRef()).isEqualTo(invoiceId);
              assertThat(failed.amountCents()).isEqualTo(500);
            });
  }

  @Test
  void aVoidedAndAnUncollectibleInvoice_showThatAndTellNoWorkflow() {
    Billed billed = billed(true, true);
    String voided = unique("in_");
    String uncollectible = unique("in_");
    String stripeSubscription = unique("sub_");
    long start = nowSeconds();

    deliverInvoiceEvent(
        billed, "invoice.voided", voided, stripeSubscription, "void", 1, start, start + 86_400);
    deliverInvoiceEvent(
        billed,
        "invoice.marked_uncollectible",
        uncollectible,
        stripeSubscription,
        "uncollectible",
        4,
        start,
        start + 86_400);

    assertThat(invoices.findByStripeInvoiceId(voided).orElseThrow().status())
        .isEqualTo(Invoice.VOID);
    Invoice lost = invoices.findByStripeInvoiceId(uncollectible).orElseThrow();
    assertThat(lost.status()).isEqualTo(Invoice.UNCOLLECTIBLE);
    assertThat(lost.attemptCount()).isEqualTo(4);
    assertNoSignals(billed);
  }

  @Test
  void anUpcomingRenewal_triggersTheReminderOnce_andMakesNoInvoice() {
    Billed billed = billed(true, true);
    long start = nowSeconds() + 7 * 86_400;
    String id = unique("evt_");
    String payload =
        event(
            id,
            "invoice.upcoming",
            nowSeconds(),
            invoice(
                null,
                billed.subscriptionId(),
                unique("sub_"),
                "draft",
                500,
                0,
                start,
                start + 30 * 86_400));

    assertActedOnce(id, deliverThreeTimes(payload, true));

    assertThat(invoices.findBySubscriptionIdOrderByIdDesc(billed.subscriptionId())).isEmpty();
    assertThat(billingEvents(billed))
        .singleElement()
        .satisfies(
            upcoming -> {
              assertThat(upcoming.kind()).isEqualTo(BillingEventKind.RENEWAL_UPCOMING);
              assertThat(upcoming.invoiceRef()).isNull();
              assertThat(upcoming.amountCents()).isEqualTo(500);
            });
  }

  // ---- charges and the rest ----

  @Test
  void aRefund_isNotedOnTheOrderItPaidFor_byTheChargesOrderOrItsInvoice() {
    Billed byMetadata = billed(true, true);
    Billed byInvoice = billed(true, true);
    String invoiceId = unique("in_");
    long start = nowSeconds();
    deliverInvoiceEvent(
        byInvoice, "invoice.paid", invoiceId, unique("sub_"), "paid", 1, start, start + 86_400);
    String first = unique("evt_");
    String second = unique("evt_");
    String firstRefund = unique("re_");
    String secondRefund = unique("re_");

    assertActedOnce(
        first,
        deliverThreeTimes(
            event(
                first,
                "charge.refunded",
                nowSeconds(),
                refundedCharge(unique("ch_"), byMetadata.orderId(), null, firstRefund)),
            true));
    assertActedOnce(
        second,
        deliverThreeTimes(
            event(
                second,
                "charge.refunded",
                nowSeconds(),
                refundedCharge(unique("ch_"), null, invoiceId, secondRefund)),
            false));

    assertThat(orders.findById(byMetadata.orderId()).orElseThrow().refundRef())
        .isEqualTo(firstRefund);
    assertThat(orders.findById(byInvoice.orderId()).orElseThrow().refundRef())
        .isEqualTo(secondRefund);
    assertNoSignals(byMetadata);
  }

  @Test
  void disputesCustomerChangesAndPaymentIntents_areRecordedOnceAndChangeNothing() {
    Billed billed = billed(true, true);
    List<String> types =
        List.of(
            "charge.dispute.created",
            "customer.updated",
            "customer.deleted",
            "payment_intent.succeeded",
            "payment_intent.payment_failed");
    for (String type : types) {
      String id = unique("evt_");
      Map<String, Object> object = plain(unique("obj_"), type.substring(0, type.lastIndexOf('.')));
      object.put("amount", 500);
      object.put("currency", "eur");
      object.put("reason", "fraudulent");
      object.put("metadata", Map.of("berth_order_id", Long.toString(billed.orderId())));

      assertActedOnce(id, deliverThreeTimes(event(id, type, nowSeconds(), object), true));
    }

    CustomerOrder order = orders.findById(billed.orderId()).orElseThrow();
    assertThat(order.paymentRef()).isNull();
    assertThat(order.refundRef()).isNull();
    assertThat(order.status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
    assertNoSignals(billed);
  }

  @Test
  void anEventOfATypeBerthDoesNotKnow_isRecordedOnceAndAnswered200() {
    String id = unique("evt_");
    String payload =
        event(
            id,
            "billing_portal.session.created",
            nowSeconds(),
            plain(unique("bps_"), "billing_portal.session"));

    assertActedOnce(id, deliverThreeTimes(payload, false));

    assertThat(
            jdbc.queryForObject(
                "SELECT type FROM payment_event WHERE event_id = ?", String.class, id))
        .isEqualTo("billing_portal.session.created");
  }

  @Test
  void anEventAboutNothingOfBerths_isRecordedAndChangesNothing() {
    Billed billed = billed(true, true);
    String unknownSubscription = unique("sub_");
    String id = unique("evt_");
    Map<String, Object> foreign =
        subscription(unknownSubscription, Long.MAX_VALUE, nowSeconds(), true, "price_not_berths");
    String order = unique("evt_");
    Map<String, Object> foreignSession =
        checkoutSession(Long.MAX_VALUE, Long.MAX_VALUE, "paid", unknownSubscription, null);

    assertActedOnce(
        id,
        deliverThreeTimes(
            event(
                id,
                "customer.subscription.updated",
                nowSeconds(),
                foreign,
                Map.of("cancel_at_period_end", false)),
            false));
    assertActedOnce(
        order,
        deliverThreeTimes(
            event(order, "checkout.session.completed", nowSeconds(), foreignSession), false));

    assertThat(subscriptions.findByStripeSubscriptionId(unknownSubscription)).isEmpty();
    assertThat(subscriptionRow(billed).cancelAtPeriodEnd()).isFalse();
    assertNoSignals(billed);
  }

  @Test
  void aSignalToAWorkflowThatHasEnded_doesNotFailTheEvent() {
    Billed billed = billed(true, true);
    temporal.newUntypedWorkflowStub(billed.subscriptionWorkflow()).terminate("ended for the test");
    String invoiceId = unique("in_");
    long start = nowSeconds();
    String id = unique("evt_");

    assertActedOnce(
        id,
        deliverThreeTimes(
            event(
                id,
                "invoice.paid",
                nowSeconds(),
                invoice(
                    invoiceId,
                    billed.subscriptionId(),
                    unique("sub_"),
                    "paid",
                    500,
                    1,
                    start,
                    start + 86_400)),
            false));

    assertThat(invoices.findByStripeInvoiceId(invoiceId).orElseThrow().status())
        .isEqualTo(Invoice.PAID);
  }

  // ---- out of order ----

  @Test
  void aPaidInvoiceThenAnOlderFailure_staysPaid_andTheWorkflowSeesWhichIsOlder() {
    Billed billed = billed(true, true);
    String invoiceId = unique("in_");
    String stripeSubscription = unique("sub_");
    long start = nowSeconds();
    long paidAt = nowSeconds();
    long failedAt = paidAt - 3_600;
    String paid = unique("evt_");
    String failed = unique("evt_");

    assertActedOnce(
        paid,
        deliverThreeTimes(
            event(
                paid,
                "invoice.paid",
                paidAt,
                invoice(
                    invoiceId,
                    billed.subscriptionId(),
                    stripeSubscription,
                    "paid",
                    500,
                    2,
                    start,
                    start + 86_400)),
            false));
    assertActedOnce(
        failed,
        deliverThreeTimes(
            event(
                failed,
                "invoice.payment_failed",
                failedAt,
                invoice(
                    invoiceId,
                    billed.subscriptionId(),
                    stripeSubscription,
                    "open",
                    500,
                    1,
                    start,
                    start + 86_400)),
            false));

    Invoice row = invoices.findByStripeInvoiceId(invoiceId).orElseThrow();
    assertThat(row.status()).isEqualTo(Invoice.PAID);
    assertThat(row.attemptCount()).isEqualTo(2);
    assertThat(billingEvents(billed))
        .extracting(BillingEvent::kind, BillingEvent::occurredAtMillis)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(BillingEventKind.PAID, paidAt * 1000),
            org.assertj.core.groups.Tuple.tuple(BillingEventKind.PAYMENT_FAILED, failedAt * 1000));
  }

  @Test
  void aNewerSubscriptionUpdateThenAnOlderOne_endsInTheNewerState() {
    Billed billed = billed(true, true);
    String stripeId = unique("sub_");
    String price = billed.plan().stripePriceId();
    long newerPeriodEnd = nowSeconds() + 60 * 86_400;
    long olderPeriodEnd = nowSeconds() + 30 * 86_400;
    long newer = nowSeconds();
    String newerId = unique("evt_");
    String olderId = unique("evt_");

    assertActedOnce(
        newerId,
        deliverThreeTimes(
            event(
                newerId,
                "customer.subscription.updated",
                newer,
                subscription(stripeId, billed.subscriptionId(), newerPeriodEnd, false, price),
                Map.of("cancel_at_period_end", true)),
            false));
    assertActedOnce(
        olderId,
        deliverThreeTimes(
            event(
                olderId,
                "customer.subscription.updated",
                newer - 60,
                subscription(stripeId, billed.subscriptionId(), olderPeriodEnd, true, price),
                Map.of("cancel_at_period_end", false)),
            false));

    Subscription row = subscriptionRow(billed);
    assertThat(row.cancelAtPeriodEnd()).isFalse();
    assertThat(row.currentPeriodEnd()).isEqualTo(Instant.ofEpochSecond(newerPeriodEnd));
    assertThat(row.stripeStateAt()).isEqualTo(Instant.ofEpochSecond(newer));
    assertThat(billingEvents(billed))
        .extracting(BillingEvent::kind, BillingEvent::occurredAtMillis)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(BillingEventKind.REACTIVATED, newer * 1000),
            org.assertj.core.groups.Tuple.tuple(
                BillingEventKind.CANCEL_AT_PERIOD_END, (newer - 60) * 1000));
  }

  // ---- refused deliveries ----

  @Test
  void deliveriesWithoutAValidSignature_are400AndChangeNothing() {
    Billed billed = billed(true, true);
    String id = unique("evt_");
    long now = nowSeconds();
    String payload =
        event(
            id,
            "checkout.session.completed",
            now,
            checkoutSession(
                billed.orderId(), billed.subscriptionId(), "paid", unique("sub_"), null));
    String good = StripeSignatures.header(payload, StripeSignatures.SECRET, now);
    String altered = payload.replace("\"amount_total\" : 500", "\"amount_total\" : 501");
    assertThat(altered).isNotEqualTo(payload).hasSameSizeAs(payload);

    List<Answer> refused =
        List.of(
            send(payload, "t=" + now + ",v1=" + "0".repeat(64)),
            send(altered, good),
            send(payload, StripeSignatures.header(payload, StripeSignatures.SECRET, now - 301)),
            send(payload, null),
            send(payload, StripeSignatures.header(payload, StripeSignatures.OTHER_SECRET, now)));

    assertThat(refused)
        .allSatisfy(
            answer -> {
              assertThat(answer.status()).isEqualTo(400);
              assertThat(answer.contentType()).startsWith("application/problem+json");
              assertThat(answer.body().path("detail").asText()).contains("Stripe-Signature");
              assertThat(answer.body().toString())
                  .doesNotContain(StripeSignatures.SECRET, SESSION_ID, "Exception");
            });
    assertThat(eventRows(id)).isZero();
    assertThat(orders.findById(billed.orderId()).orElseThrow().paymentRef()).isNull();
    assertNoSignals(billed);
  }

  @Test
  void aSignedBodyThatIsNoEvent_is400() {
    Answer answer =
        send(
            "{\"hello\":\"world\"}",
            StripeSignatures.header(
                "{\"hello\":\"world\"}", StripeSignatures.SECRET, nowSeconds()));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.body().path("detail").asText()).isEqualTo(StripeEvent.NOT_AN_EVENT);
  }

  @Test
  void theEndpointIsInTheOpenApiDocumentUnderPayments() throws IOException, InterruptedException {
    HttpResponse<String> document =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode post =
        StripeFixtures.JSON.readTree(document.body()).path("paths").path(PATH).path("post");

    assertThat(post.path("tags").get(0).asText()).isEqualTo("Payments");
    assertThat(post.has("security")).as("no bearer token asked").isTrue();
    assertThat(post.path("security")).isEmpty();
  }

  // ---- helpers ----

  private Billed billed(boolean startOrder, boolean startSubscription) {
    Billed billed = rows.stripeOrder(unique("wh"));
    if (startSubscription) {
      SubscriptionWorkflow workflow =
          temporal.newWorkflowStub(
              SubscriptionWorkflow.class, waitingOptions(billed.subscriptionWorkflow()));
      WorkflowClient.start(
          workflow::run,
          new SubscriptionRequest(
              billed.subscriptionId(),
              billed.customerId(),
              billed.orderId(),
              PaymentMethod.STRIPE,
              SubscriptionStatus.INCOMPLETE,
              null,
              null,
              false,
              0,
              List.of(),
              DunningPolicy.DEFAULT));
    }
    if (startOrder) {
      OrderWorkflow workflow =
          temporal.newWorkflowStub(OrderWorkflow.class, waitingOptions(billed.orderWorkflow()));
      WorkflowClient.start(
          workflow::run,
          new OrderRequest(
              billed.orderId(),
              billed.customerId(),
              billed.siteId(),
              billed.siteName(),
              "static",
              true,
              billed.plan().limits(),
              PaymentMethod.STRIPE,
              billed.subscriptionId()));
    }
    return billed;
  }

  /** On a queue no worker polls: the execution waits, and its history keeps every signal. */
  private WorkflowOptions waitingOptions(String workflowId) {
    started.add(workflowId);
    return WorkflowOptions.newBuilder()
        .setWorkflowId(workflowId)
        .setTaskQueue(NO_WORKER_QUEUE)
        .setWorkflowIdConflictPolicy(
            WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_TERMINATE_EXISTING)
        .build();
  }

  private Subscription subscriptionRow(Billed billed) {
    return subscriptions.findById(billed.subscriptionId()).orElseThrow();
  }

  private void deliverInvoiceEvent(
      Billed billed,
      String type,
      String invoiceId,
      String stripeSubscription,
      String status,
      int attempts,
      long start,
      long end) {
    String id = unique("evt_");
    assertActedOnce(
        id,
        deliverThreeTimes(
            event(
                id,
                type,
                nowSeconds(),
                invoice(
                    invoiceId,
                    billed.subscriptionId(),
                    stripeSubscription,
                    status,
                    500,
                    attempts,
                    start,
                    end)),
            false));
  }

  /** Every delivery answered 200, exactly one of them as new; one row for the event. */
  private void assertActedOnce(String eventId, List<Answer> answers) {
    assertThat(answers)
        .allSatisfy(
            answer -> {
              assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
              assertThat(answer.body().path("received").asBoolean()).isTrue();
            });
    assertThat(answers)
        .filteredOn(answer -> !answer.body().path("duplicate").asBoolean())
        .hasSize(1);
    assertThat(eventRows(eventId)).isEqualTo(1);
  }

  private int eventRows(String eventId) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM payment_event WHERE event_id = ?", Integer.class, eventId);
  }

  /** Three deliveries of one payload, one after another or all at once from three threads. */
  private List<Answer> deliverThreeTimes(String payload, boolean concurrently) {
    if (!concurrently) {
      List<Answer> answers = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        answers.add(signedAndSent(payload));
      }
      return answers;
    }
    CyclicBarrier together = new CyclicBarrier(3);
    List<Future<Answer>> pending = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      pending.add(
          senders.submit(
              () -> {
                together.await();
                return signedAndSent(payload);
              }));
    }
    List<Answer> answers = new ArrayList<>();
    for (Future<Answer> answer : pending) {
      try {
        answers.add(answer.get());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return answers;
  }

  private Answer signedAndSent(String payload) {
    return send(payload, StripeSignatures.header(payload, StripeSignatures.SECRET, nowSeconds()));
  }

  private Answer send(String payload, String signature) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PATH))
            .header("Content-Type", "application/json; charset=utf-8")
            .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
            .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
    if (signature != null) {
      request.header("Stripe-Signature", signature);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          StripeFixtures.JSON.readTree(response.body().isBlank() ? "null" : response.body()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private List<WorkflowExecutionSignaledEventAttributes> signals(String workflowId) {
    return temporal.fetchHistory(workflowId).getEvents().stream()
        .filter(HistoryEvent::hasWorkflowExecutionSignaledEventAttributes)
        .map(HistoryEvent::getWorkflowExecutionSignaledEventAttributes)
        .toList();
  }

  private List<BillingEvent> billingEvents(Billed billed) {
    DataConverter converter = temporal.getOptions().getDataConverter();
    return signals(billed.subscriptionWorkflow()).stream()
        .peek(signal -> assertThat(signal.getSignalName()).isEqualTo("billingEvent"))
        .map(
            signal ->
                converter.fromPayloads(
                    0, Optional.of(signal.getInput()), BillingEvent.class, BillingEvent.class))
        .toList();
  }

  private List<String> paymentsReceived(Billed billed) {
    DataConverter converter = temporal.getOptions().getDataConverter();
    return signals(billed.orderWorkflow()).stream()
        .peek(signal -> assertThat(signal.getSignalName()).isEqualTo("paymentReceived"))
        .map(
            signal ->
                converter.fromPayloads(
                    0, Optional.of(signal.getInput()), String.class, String.class))
        .toList();
  }

  private List<String> cancelRequests(String workflowId) {
    return temporal.fetchHistory(workflowId).getEvents().stream()
        .filter(HistoryEvent::hasWorkflowExecutionCancelRequestedEventAttributes)
        .map(event -> event.getWorkflowExecutionCancelRequestedEventAttributes().getCause())
        .toList();
  }

  private void assertNoSignals(Billed billed) {
    assertThat(signals(billed.subscriptionWorkflow())).isEmpty();
    assertThat(signals(billed.orderWorkflow())).isEmpty();
  }

  private static long nowSeconds() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).getEpochSecond();
  }

  private static String unique(String prefix) {
    return prefix + "it" + RUN + COUNTER.incrementAndGet();
  }

  @AfterAll
  void endTheWorkflowsThisClassStarted() {
    senders.shutdownNow();
    for (String workflowId : started) {
      try {
        temporal.newUntypedWorkflowStub(workflowId).terminate("end of StripeWebhookIT");
      } catch (RuntimeException alreadyClosed) {
        // Nothing left to end.
      }
    }
  }
}
