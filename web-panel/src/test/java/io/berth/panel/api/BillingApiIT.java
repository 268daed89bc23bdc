package io.berth.panel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.persistence.billing.Invoice;
import io.berth.persistence.billing.InvoiceRepository;
import io.berth.persistence.billing.Subscription;
import io.berth.persistence.billing.SubscriptionRepository;
import io.berth.persistence.order.OrderRepository;
import io.berth.persistence.site.Site;
import io.berth.persistence.site.SiteRepository;
import io.berth.workflows.billing.DunningPolicy;
import io.berth.workflows.billing.PaymentMethod;
import io.berth.workflows.billing.SubscriptionRequest;
import io.berth.workflows.billing.SubscriptionStatus;
import io.berth.workflows.billing.SubscriptionWorkflow;
import io.berth.workflows.order.OrderRequest;
import io.berth.workflows.order.OrderStatus;
import io.berth.workflows.order.OrderWorkflow;
import io.berth.workflows.site.SiteStatus;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Billing through the API against PostgreSQL and the Temporal dev server, with Stripe on (a test
 * key: the panel never calls Stripe itself). No worker runs: the order and subscription workflows
 * the panel starts wait; their inputs, the signals they get and what the panel refuses before
 * asking them are checked, and what a worker would have stored (the checkout page, a subscription's
 * state, a renewal invoice) is written as its activity would. Its own application context (Stripe
 * on) is closed after the class, giving its database connections back.
 */
@DirtiesContext
@TestPropertySource(
    properties = {"berth.stripe.api-key=sk_test_berth_it", "berth.panel.billing-change-timeout=2s"})
class BillingApiIT extends ApiTestSupport {

  static final String CHECKOUT_URL = "https://checkout.stripe.com/c/pay/cs_test_berth_it";

  @Autowired OrderRepository orderRows;
  @Autowired SubscriptionRepository subscriptionRows;
  @Autowired InvoiceRepository invoiceRows;
  @Autowired SiteRepository siteRows;
  @Autowired JdbcClient jdbc;

  @Test
  void withoutATokenEveryCallIs401() {
    for (String path :
        List.of("/api/v1/subscriptions", "/api/v1/subscriptions/1", "/api/v1/invoices")) {
      assertThat(get(path, null).assertProblem(401).wwwAuthenticate()).isEqualTo("Bearer");
    }
    for (String action : List.of("cancel", "reactivate", "portal")) {
      post("/api/v1/subscriptions/1/" + action, null, null).assertProblem(401);
    }
    post("/api/v1/subscriptions/1/plan", null, Map.of("planId", 1)).assertProblem(401);
    post("/api/v1/admin/invoices/1/paid", null, null).assertProblem(401);
  }

  @Test
  void aPaidPlanIsPaidThroughStripe_theOrderAndItsSubscriptionStartWithTheirInputs() {
    Account ada = newCustomer();
    String name = unique("card");

    Answer placed = order(ada, planId("starter"), name);

    assertThat(placed.status()).as(placed.body().toString()).isEqualTo(202);
    JsonNode order = placed.body();
    long orderId = order.path("id").asLong();
    long subscriptionId = order.path("subscriptionId").asLong();
    assertThat(order.path("status").asText()).isEqualTo("AWAITING_PAYMENT");
    assertThat(order.path("paymentMethod").asText()).isEqualTo("STRIPE");
    assertThat(order.path("paymentReference").isNull()).isTrue();
    assertThat(order.path("checkoutUrl").isNull()).isTrue();
    assertThat(subscriptionId).isPositive();

    JsonNode subscription = get("/api/v1/subscriptions/" + subscriptionId, ada.token()).body();
    assertThat(subscription.path("status").asText()).isEqualTo("INCOMPLETE");
    assertThat(subscription.path("orderId").asLong()).isEqualTo(orderId);
    assertThat(subscription.path("siteName").asText()).isEqualTo(name);
    assertThat(subscription.path("plan").path("name").asText()).isEqualTo("Starter");
    assertThat(subscription.path("plan").path("priceCents").asInt()).isEqualTo(500);
    assertThat(subscription.path("paymentMethod").asText()).isEqualTo("STRIPE");
    assertThat(subscription.path("periodEnd").isNull()).isTrue();
    assertThat(subscription.path("cancelAtPeriodEnd").asBoolean()).isFalse();
    JsonNode all = get("/api/v1/subscriptions", ada.token()).body();
    assertThat(all).hasSize(1);
    assertThat(all.get(0).path("id").asLong()).isEqualTo(subscriptionId);

    DescribeWorkflowExecutionResponse subscriptionWorkflow =
        describe(SubscriptionWorkflow.workflowId(subscriptionId));
    assertThat(subscriptionWorkflow.getWorkflowExecutionInfo().getType().getName())
        .isEqualTo("SubscriptionWorkflow");
    assertThat(subscriptionWorkflow.getWorkflowExecutionInfo().getTaskQueue())
        .isEqualTo("berth-control");
    assertThat(
            temporal
                .listExecutions(
                    "WorkflowId = \"subscription-"
                        + subscriptionId
                        + "\" AND BerthCustomerId = \""
                        + ada.id()
                        + "\" AND BerthOrderId = \""
                        + orderId
                        + "\"")
                .toList())
        .hasSize(1);
    SubscriptionRequest subscriptionInput =
        input(SubscriptionWorkflow.workflowId(subscriptionId), SubscriptionRequest.class);
    assertThat(subscriptionInput.subscriptionId()).isEqualTo(subscriptionId);
    assertThat(subscriptionInput.customerId()).isEqualTo(ada.id());
    assertThat(subscriptionInput.orderId()).isEqualTo(orderId);
    assertThat(subscriptionInput.gateway()).isEqualTo(PaymentMethod.STRIPE);
    assertThat(subscriptionInput.status()).isEqualTo(SubscriptionStatus.INCOMPLETE);
    assertThat(subscriptionInput.periodEndMillis()).isNull();
    assertThat(subscriptionInput.policy()).isEqualTo(DunningPolicy.DEFAULT);
    OrderRequest orderInput = input(OrderWorkflow.workflowId(orderId), OrderRequest.class);
    assertThat(orderInput.gateway()).isEqualTo(PaymentMethod.STRIPE);
    assertThat(orderInput.subscriptionId()).isEqualTo(subscriptionId);
    assertThat(orderInput.paymentRequired()).isTrue();
    assertThat(orderInput.siteName()).isEqualTo(name);
    assertThat(
            temporal
                .listExecutions(
                    "BerthOrderId = \"" + orderId + "\" AND WorkflowType = \"OrderWorkflow\"")
                .toList())
        .hasSize(1);
  }

  @Test
  void onceTheOrdersWorkflowHasMadeTheCheckoutPage_theOrderOffersItUntilPaid() {
    Account ada = newCustomer();
    long orderId = order(ada, planId("business"), unique("pay")).body().path("id").asLong();

    // What PaymentActivities.createCheckout stores on the order.
    orderRows.recordCheckout(orderId, "cs_test_berth_it", CHECKOUT_URL);

    JsonNode order = get("/api/v1/orders/" + orderId, ada.token()).body();
    assertThat(order.path("checkoutUrl").asText()).isEqualTo(CHECKOUT_URL);
    assertThat(order.path("paymentMethod").asText()).isEqualTo("STRIPE");

    // What the webhook records once Stripe says the session is paid.
    orderRows.recordPayment(orderId, "cs_test_berth_it");

    assertThat(get("/api/v1/orders/" + orderId, ada.token()).body().path("checkoutUrl").isNull())
        .isTrue();
  }

  @Test
  void anotherCustomersSubscriptionIsNotFound() {
    Account ada = newCustomer();
    Account grace = newCustomer();
    long adas =
        order(ada, planId("starter"), unique("mine")).body().path("subscriptionId").asLong();

    Answer seen = get("/api/v1/subscriptions/" + adas, grace.token()).assertProblem(404);

    assertThat(seen.detail()).isEqualTo("There is no subscription " + adas + " in your account.");
    post("/api/v1/subscriptions/" + adas + "/plan", grace.token(), Map.of("planId", 1))
        .assertProblem(404);
    for (String action : List.of("cancel", "reactivate", "portal")) {
      post("/api/v1/subscriptions/" + adas + "/" + action, grace.token(), null).assertProblem(404);
    }
    assertThat(get("/api/v1/subscriptions", grace.token()).body()).isEmpty();
    assertThat(get("/api/v1/invoices", grace.token()).body()).isEmpty();
  }

  @Test
  void aDowngradeBelowWhatTheCustomerHoldsIs409WithWhatToRemove_andNothingIsAsked() {
    Account ada = newCustomer();
    JsonNode placed = order(ada, planId("business"), unique("big")).body();
    long orderId = placed.path("id").asLong();
    long subscriptionId = placed.path("subscriptionId").asLong();
    paidUp(orderId, subscriptionId);
    for (int i = 0; i < 3; i++) {
      Instant now = Instant.now();
      siteRows.save(
          new Site(
              null,
              ada.id(),
              orderId,
              unique("more"),
              "static",
              SiteStatus.RUNNING,
              null,
              null,
              null,
              now,
              now));
    }

    Answer refused =
        post(
                "/api/v1/subscriptions/" + subscriptionId + "/plan",
                ada.token(),
                Map.of("planId", planId("starter")))
            .assertProblem(409);

    assertThat(refused.detail())
        .isEqualTo(
            "The Starter plan allows 3 sites (you have 4). First remove 1 site, then change the"
                + " plan.");
    assertThat(refused.fieldError("planId").path("message").asText()).isEqualTo(refused.detail());
    post(
            "/api/v1/subscriptions/" + subscriptionId + "/plan",
            ada.token(),
            Map.of("planId", 999_999))
        .assertProblem(400);
    assertThat(
            post(
                    "/api/v1/subscriptions/" + subscriptionId + "/plan",
                    ada.token(),
                    Map.of("planId", planId("business")))
                .assertProblem(409)
                .detail())
        .isEqualTo("You are on the Business plan already.");
    assertThat(
            post("/api/v1/subscriptions/" + subscriptionId + "/reactivate", ada.token(), null)
                .assertProblem(409)
                .detail())
        .isEqualTo(
            "Your Business plan is not set to end, so there is no cancellation to withdraw.");
    assertThat(updatesOf(SubscriptionWorkflow.workflowId(subscriptionId))).isEmpty();
    assertThat(subscriptionRows.findById(subscriptionId).orElseThrow().planId())
        .isEqualTo(planId("business"));
  }

  @Test
  void anUpdateItsWorkflowDoesNotAnswerIs503InPlainWords() {
    Account ada = newCustomer();
    JsonNode placed = order(ada, planId("starter"), unique("wait")).body();
    long subscriptionId = placed.path("subscriptionId").asLong();
    paidUp(placed.path("id").asLong(), subscriptionId);

    Answer waited =
        post("/api/v1/subscriptions/" + subscriptionId + "/cancel", ada.token(), null)
            .assertProblem(503);

    assertThat(waited.detail())
        .isEqualTo(
            "The subscription's workflow did not confirm the change in time; its worker may be"
                + " busy or down. Nothing is lost: look at Billing again in a moment.");
  }

  @Test
  void supportMarksABankTransferInvoicePaid_theSubscriptionIsToldOnceAndTheInvoiceIsPaid() {
    Account ada = newCustomer();
    Account support = newSupport();
    JsonNode placed = order(ada, planId("starter"), unique("renew")).body();
    long subscriptionId = placed.path("subscriptionId").asLong();
    Instant periodEnd = Instant.parse("2031-03-14T12:00:00Z");
    paidUp(placed.path("id").asLong(), subscriptionId, periodEnd);
    // What SubscriptionActivities.openRenewalInvoice stores.
    long invoiceId =
        jdbc.sql(
                """
                INSERT INTO invoice (subscription_id, customer_id, amount_cents, currency, status,
                                     period_start)
                VALUES (?, ?, 500, 'EUR', 'OPEN', ?) RETURNING id
                """)
            .params(subscriptionId, ada.id(), Timestamp.from(periodEnd))
            .query(Long.class)
            .single();
    JsonNode listed = get("/api/v1/invoices", ada.token()).body().get(0);
    assertThat(listed.path("id").asLong()).isEqualTo(invoiceId);
    assertThat(listed.path("bankTransfer").asBoolean()).isTrue();
    assertThat(listed.path("transferReference").asText()).isEqualTo("BERTH-INV-" + invoiceId);
    post("/api/v1/admin/invoices/" + invoiceId + "/paid", ada.token(), null).assertProblem(403);

    Answer marked = post("/api/v1/admin/invoices/" + invoiceId + "/paid", support.token(), null);

    assertThat(marked.status()).as(marked.body().toString()).isEqualTo(202);
    assertThat(marked.body().path("paymentRef").asText())
        .isEqualTo("bank-transfer:" + support.email());
    Invoice paid = invoiceRows.findById(invoiceId).orElseThrow();
    assertThat(paid.status()).isEqualTo(Invoice.PAID);
    List<String> signals = signalsOf(SubscriptionWorkflow.workflowId(subscriptionId));
    assertThat(signals).hasSize(1);
    assertThat(signals.get(0))
        .startsWith("billingEvent")
        .contains(
            "invoice-" + invoiceId + ":paid",
            "berth-" + invoiceId,
            Long.toString(Instant.parse("2031-04-14T12:00:00Z").toEpochMilli()));
    assertThat(get("/api/v1/invoices", ada.token()).body().get(0).path("status").asText())
        .isEqualTo("PAID");
    assertThat(
            post("/api/v1/admin/invoices/" + invoiceId + "/paid", support.token(), null)
                .assertProblem(409)
                .detail())
        .isEqualTo("Invoice berth-" + invoiceId + " is paid, not open.");
    assertThat(signalsOf(SubscriptionWorkflow.workflowId(subscriptionId))).hasSize(1);
    boolean listedForSupport = false;
    for (JsonNode row : get("/api/v1/admin/invoices?limit=500", support.token()).body()) {
      if (row.path("id").asLong() == invoiceId) {
        listedForSupport = true;
        assertThat(row.path("customerEmail").asText()).isEqualTo(ada.email());
        assertThat(row.path("subscriptionWorkflowUrl").asText())
            .isEqualTo(
                "http://127.0.0.1:8233/namespaces/berth-it/workflows/subscription-"
                    + subscriptionId);
      }
    }
    assertThat(listedForSupport).isTrue();
  }

  @Test
  void anOrderPaidByCardIsNotMarkedPaidBySupport() {
    Account ada = newCustomer();
    Account support = newSupport();
    long orderId = order(ada, planId("starter"), unique("nocash")).body().path("id").asLong();

    Answer refused =
        post("/api/v1/admin/orders/" + orderId + "/mark-paid", support.token(), null)
            .assertProblem(409);

    assertThat(refused.detail())
        .isEqualTo(
            "Order #" + orderId + " is paid by card through Stripe, which confirms its payment.");
  }

  @Test
  void theOpenApiDocumentListsTheBillingCallsUnderTheirTag() {
    JsonNode paths = get("/v3/api-docs", null).body().path("paths");

    for (String path :
        List.of(
            "/api/v1/subscriptions",
            "/api/v1/subscriptions/{id}",
            "/api/v1/invoices",
            "/api/v1/subscriptions/{id}/plan",
            "/api/v1/subscriptions/{id}/cancel",
            "/api/v1/subscriptions/{id}/reactivate",
            "/api/v1/subscriptions/{id}/portal")) {
      JsonNode operations = paths.path(path);
      assertThat(operations.isMissingNode()).as(path).isFalse();
      operations
          .elements()
          .forEachRemaining(
              operation ->
                  assertThat(operation.path("tags").get(0).asText()).as(path).isEqualTo("Billing"));
    }
    assertThat(paths.has("/api/v1/admin/invoices")).isTrue();
    assertThat(
            paths
                .path("/api/v1/admin/invoices/{id}/paid")
                .path("post")
                .path("tags")
                .get(0)
                .asText())
        .isEqualTo("Support");
  }

  /** The order paid and set up, its subscription active, as the worker would have stored them. */
  private void paidUp(long orderId, long subscriptionId) {
    paidUp(orderId, subscriptionId, Instant.now().plus(30, ChronoUnit.DAYS));
  }

  private void paidUp(long orderId, long subscriptionId, Instant periodEnd) {
    orderRows.recordPayment(orderId, "cs_test_berth_it");
    orderRows.updateStatus(orderId, OrderStatus.ACTIVE, null);
    subscriptionRows.recordState(
        subscriptionId, SubscriptionStatus.ACTIVE, periodEnd, null, null, false);
    Subscription stored = subscriptionRows.findById(subscriptionId).orElseThrow();
    assertThat(stored.status()).isEqualTo(SubscriptionStatus.ACTIVE);
  }

  private DescribeWorkflowExecutionResponse describe(String workflowId) {
    return temporal
        .getWorkflowServiceStubs()
        .blockingStub()
        .describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(temporal.getOptions().getNamespace())
                .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                .build());
  }

  /** The workflow's input as stored in its history, read back as the workflow reads it. */
  private <T> T input(String workflowId, Class<T> type) {
    Payloads stored =
        temporal
            .fetchHistory(workflowId)
            .getEvents()
            .get(0)
            .getWorkflowExecutionStartedEventAttributes()
            .getInput();
    return temporal
        .getOptions()
        .getDataConverter()
        .fromPayloads(0, Optional.of(stored), type, type);
  }

  /** Every signal the workflow got: its name and its input as stored. */
  private List<String> signalsOf(String workflowId) {
    List<String> signals = new ArrayList<>();
    temporal
        .fetchHistory(workflowId)
        .getEvents()
        .forEach(
            event -> {
              if (event.hasWorkflowExecutionSignaledEventAttributes()) {
                var signal = event.getWorkflowExecutionSignaledEventAttributes();
                signals.add(signal.getSignalName() + " " + signal.getInput().toString());
              }
            });
    return signals;
  }

  /** Every update the workflow was asked for, accepted or not. */
  private List<String> updatesOf(String workflowId) {
    List<String> updates = new ArrayList<>();
    temporal
        .fetchHistory(workflowId)
        .getEvents()
        .forEach(
            event -> {
              if (event.hasWorkflowExecutionUpdateAdmittedEventAttributes()
                  || event.hasWorkflowExecutionUpdateAcceptedEventAttributes()
                  || event.hasWorkflowExecutionUpdateRejectedEventAttributes()) {
                updates.add(event.getEventType().name());
              }
            });
    return updates;
  }
}
