package io.berth.panel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.workflows.billing.SubscriptionWorkflow;
import io.berth.workflows.common.BerthSearchAttributes;
import io.berth.workflows.order.OrderWorkflow;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowExecutionMetadata;
import io.temporal.common.SearchAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class OrderApiIT extends ApiTestSupport {

  @Autowired JdbcClient jdbc;

  @Test
  void givenATrial_itStartsTheOrderWorkflowAndShowsItsSteps() {
    Account ada = newCustomer();
    String name = unique("trial");

    Answer placed = order(ada, planId("trial"), name);

    assertThat(placed.status()).as(placed.body().toString()).isEqualTo(202);
    assertThat(placed.body().path("status").asText()).isEqualTo("PROVISIONING");
    long orderId = placed.body().path("id").asLong();

    Answer order = get("/api/v1/orders/" + orderId, ada.token());
    assertThat(order.status()).isEqualTo(200);
    assertThat(order.body().path("id").asLong()).isEqualTo(orderId);
    assertThat(order.body().path("status").asText()).isNotBlank();
    assertThat(order.body().path("siteName").asText()).isEqualTo(name);
    long siteId = order.body().path("siteId").asLong();
    assertThat(siteId).isPositive();
    assertThat(order.body().path("progressAvailable").asBoolean()).isTrue();
    assertThat(order.body().path("steps").findValuesAsText("name"))
        .containsExactly(
            "payment",
            "placement",
            "network",
            "database",
            "container",
            "install",
            "route",
            "health check",
            "done");
    for (JsonNode step : order.body().path("steps")) {
      assertThat(step.has("state") && step.has("attempt") && step.has("error")).isTrue();
    }

    WorkflowExecutionMetadata workflow = findByOrderId(orderId);
    assertThat(workflow.getExecution().getWorkflowId()).isEqualTo("order-" + orderId);
    assertThat(workflow.getWorkflowType()).isEqualTo("OrderWorkflow");
    assertThat(workflow.getTaskQueue()).isEqualTo("berth-control");
    SearchAttributes attributes = workflow.getTypedSearchAttributes();
    assertThat(attributes.get(BerthSearchAttributes.CUSTOMER_ID))
        .isEqualTo(Long.toString(ada.id()));
    assertThat(attributes.get(BerthSearchAttributes.ORDER_ID)).isEqualTo(Long.toString(orderId));
    assertThat(attributes.get(BerthSearchAttributes.SITE_ID)).isEqualTo(Long.toString(siteId));

    assertThat(get("/api/v1/orders", ada.token()).body().findValuesAsText("siteName"))
        .containsExactly(name);
    Answer site = get("/api/v1/sites/" + siteId, ada.token());
    assertThat(site.body().path("name").asText()).isEqualTo(name);
    assertThat(site.body().path("app").asText()).isEqualTo("static");
    assertThat(site.body().path("url").asText())
        .isEqualTo("http://" + name + ".berth.localhost:8880/");
  }

  @Test
  void aCustomerGetsOneTrialOnly() {
    Account ada = newCustomer();
    assertThat(order(ada, planId("trial"), unique("first")).status()).isEqualTo(202);

    Answer second = order(ada, planId("trial"), unique("second")).assertProblem(409);

    assertThat(second.detail()).contains("already have a free trial");
  }

  @Test
  void givenABadSiteName_itExplainsTheRule() {
    Account ada = newCustomer();

    Answer answer = order(ada, planId("trial"), "Bad_Name").assertProblem(400);

    assertThat(answer.fieldError("siteName").path("message").asText())
        .isEqualTo("Use lowercase letters only.");
    assertThat(get("/api/v1/orders", ada.token()).body()).isEmpty();
  }

  @Test
  void givenATakenSiteName_itSaysSoBeforeAnythingStarts() {
    Account ada = newCustomer();
    Account grace = newCustomer();
    String name = unique("taken");
    assertThat(order(ada, planId("starter"), name).status()).isEqualTo(202);

    Answer answer = order(grace, planId("trial"), name).assertProblem(409);

    assertThat(answer.fieldError("siteName").path("message").asText())
        .isEqualTo("\"" + name + "\" is already taken; choose another name.");
    assertThat(get("/api/v1/orders", grace.token()).body()).isEmpty();
  }

  @Test
  void givenAnUnknownPlanOrApp_itNamesTheField() {
    Account ada = newCustomer();

    Answer answer =
        post(
                "/api/v1/orders",
                ada.token(),
                Map.of("planId", 999_999, "siteName", unique("plan"), "app", "cobol"))
            .assertProblem(400);

    assertThat(answer.fieldError("planId").path("message").asText())
        .isEqualTo("Choose one of the plans on offer.");
    assertThat(answer.fieldError("app").path("message").asText()).contains("static");
  }

  @Test
  void givenWordPressWithATitle_itIsAcceptedAndTheTitleStored() {
    Account ada = newCustomer();
    String name = unique("wp");

    Answer placed =
        order(
            ada,
            Map.of(
                "planId", planId("trial"), "siteName", name, "app", "wordpress", "title", "Ada's"));

    assertThat(placed.status()).as(placed.body().toString()).isEqualTo(202);
    long orderId = placed.body().path("id").asLong();
    long siteId = get("/api/v1/orders/" + orderId, ada.token()).body().path("siteId").asLong();
    Answer site = get("/api/v1/sites/" + siteId, ada.token());
    assertThat(site.body().path("app").asText()).isEqualTo("wordpress");
    assertThat(site.body().path("adminUrl").asText())
        .isEqualTo("http://" + name + ".berth.localhost:8880/wp-admin/");
    assertThat(
            jdbc.sql("SELECT title FROM site WHERE id = ?")
                .param(siteId)
                .query(String.class)
                .single())
        .isEqualTo("Ada's");
    assertThat(workflowArgument(orderId)).contains("wordpress");
  }

  @Test
  void givenWordPressWithoutATitle_itNamesTheField() {
    Account ada = newCustomer();

    Answer answer =
        order(ada, Map.of("planId", planId("trial"), "siteName", unique("wp"), "app", "wordpress"))
            .assertProblem(400);

    assertThat(answer.fieldError("title").path("message").asText())
        .isEqualTo("Give your site a title; you can change it in WordPress later.");
    Answer tooLong =
        order(
                ada,
                Map.of(
                    "planId",
                    planId("trial"),
                    "siteName",
                    unique("wp"),
                    "app",
                    "wordpress",
                    "title",
                    "x".repeat(201)))
            .assertProblem(400);
    assertThat(tooLong.fieldError("title").path("message").asText())
        .isEqualTo("A site title has at most 200 characters.");
    assertThat(get("/api/v1/orders", ada.token()).body()).isEmpty();
  }

  @Test
  void givenAnUnknownApp_itListsTheChoices() {
    Account ada = newCustomer();

    Answer answer =
        order(ada, Map.of("planId", planId("trial"), "siteName", unique("app"), "app", "cobol"))
            .assertProblem(400);

    assertThat(answer.fieldError("app").path("message").asText())
        .isEqualTo("Choose an app: wordpress, static, php, node.");
    assertThat(get("/api/v1/orders", ada.token()).body()).isEmpty();
  }

  @Test
  void givenAsManySitesAsThePlanAllows_anotherOrderIsRefusedAndNothingIsCreated() {
    Account ada = newCustomer();
    for (int i = 0; i < 3; i++) {
      assertThat(order(ada, planId("starter"), unique("limit")).status()).isEqualTo(202);
    }
    String fourth = unique("limit");

    Answer answer = order(ada, planId("starter"), fourth).assertProblem(409);

    assertThat(answer.detail())
        .isEqualTo(
            "Your Starter plan allows 3 sites and you have 3: remove one or choose a bigger plan.");
    assertThat(answer.fieldError("planId")).isNotNull();
    assertThat(get("/api/v1/orders", ada.token()).body()).hasSize(3);
    assertThat(get("/api/v1/sites", ada.token()).body()).hasSize(3);
    assertThat(order(ada, planId("business"), fourth).status()).isEqualTo(202);
  }

  @Test
  void malformedJsonIsA400Problem() {
    Account ada = newCustomer();

    postRaw("/api/v1/orders", ada.token(), "{\"planId\": \"one\",").assertProblem(400);
    postRaw("/api/v1/orders", ada.token(), "{\"planId\": \"one\"}").assertProblem(400);
  }

  @Test
  void givenAPaidPlan_itWaitsForTheTransferUntilSupportMarksItPaid() {
    Account ada = newCustomer();
    Account support = newSupport();
    Answer placed = order(ada, planId("starter"), unique("paid"));
    assertThat(placed.body().path("status").asText()).isEqualTo("AWAITING_PAYMENT");
    long orderId = placed.body().path("id").asLong();
    assertThat(
            get("/api/v1/orders/" + orderId, ada.token()).body().path("paymentReference").asText())
        .isEqualTo("BERTH-" + orderId);

    Answer marked = post("/api/v1/admin/orders/" + orderId + "/mark-paid", support.token(), null);

    assertThat(marked.status()).as(marked.body().toString()).isEqualTo(202);
    String reference = "bank-transfer:" + support.email();
    assertThat(marked.body().path("paymentRef").asText()).isEqualTo(reference);
    assertThat(signalsOf(orderId)).contains("paymentReceived");
    long subscriptionId = placed.body().path("subscriptionId").asLong();
    assertThat(subscriptionSignals(subscriptionId))
        .anyMatch(s -> s.startsWith("billingEvent") && s.contains("order-" + orderId + ":paid"));
    JsonNode row = adminRow(support, orderId);
    assertThat(row.path("customerEmail").asText()).isEqualTo(ada.email());
    assertThat(row.path("paymentRef").asText()).isEqualTo(reference);
    assertThat(row.path("orderWorkflowUrl").asText())
        .isEqualTo("http://127.0.0.1:8233/namespaces/berth-it/workflows/order-" + orderId);
    post("/api/v1/admin/orders/" + orderId + "/mark-paid", support.token(), null)
        .assertProblem(409);
  }

  @Test
  void givenAnOpenOrder_cancellingRequestsCancellationOfItsWorkflow() {
    Account ada = newCustomer();
    long orderId = order(ada, planId("starter"), unique("cancel")).body().path("id").asLong();

    Answer cancelled = post("/api/v1/orders/" + orderId + "/cancel", ada.token(), null);

    assertThat(cancelled.status()).isEqualTo(202);
    assertThat(cancelRequested(orderId)).isTrue();
  }

  @Test
  void givenASiteStillBeingSetUp_actionsAreA409Problem() {
    Account ada = newCustomer();
    long orderId = order(ada, planId("starter"), unique("early")).body().path("id").asLong();
    long siteId = get("/api/v1/orders/" + orderId, ada.token()).body().path("siteId").asLong();

    for (String action : List.of("start", "stop", "restart")) {
      Answer answer =
          post("/api/v1/sites/" + siteId + "/" + action, ada.token(), null).assertProblem(409);
      assertThat(answer.detail()).contains("still being set up");
    }
  }

  /** The order workflow's input as stored in its history. */
  private String workflowArgument(long orderId) {
    return temporal
        .fetchHistory(OrderWorkflow.workflowId(orderId))
        .getEvents()
        .get(0)
        .getWorkflowExecutionStartedEventAttributes()
        .getInput()
        .toString();
  }

  private WorkflowExecutionMetadata findByOrderId(long orderId) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (true) {
      List<WorkflowExecutionMetadata> found =
          temporal
              .listExecutions(
                  "BerthOrderId = \"" + orderId + "\" AND WorkflowType = \"OrderWorkflow\"")
              .toList();
      if (!found.isEmpty() || Instant.now().isAfter(deadline)) {
        assertThat(found).as("order workflows with BerthOrderId = %s", orderId).hasSize(1);
        return found.get(0);
      }
      sleep();
    }
  }

  private List<String> signalsOf(long orderId) {
    List<String> signals = new ArrayList<>();
    temporal
        .fetchHistory(OrderWorkflow.workflowId(orderId))
        .getEvents()
        .forEach(
            event -> {
              if (event.hasWorkflowExecutionSignaledEventAttributes()) {
                signals.add(event.getWorkflowExecutionSignaledEventAttributes().getSignalName());
              }
            });
    return signals;
  }

  /** Every signal of the subscription's workflow: its name and its input as stored. */
  private List<String> subscriptionSignals(long subscriptionId) {
    List<String> signals = new ArrayList<>();
    temporal
        .fetchHistory(SubscriptionWorkflow.workflowId(subscriptionId))
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

  private boolean cancelRequested(long orderId) {
    return temporal
        .getWorkflowServiceStubs()
        .blockingStub()
        .describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(temporal.getOptions().getNamespace())
                .setExecution(
                    WorkflowExecution.newBuilder().setWorkflowId(OrderWorkflow.workflowId(orderId)))
                .build())
        .getWorkflowExtendedInfo()
        .getCancelRequested();
  }

  private JsonNode adminRow(Account support, long orderId) {
    for (JsonNode row : get("/api/v1/admin/orders?limit=500", support.token()).body()) {
      if (row.path("id").asLong() == orderId) {
        return row;
      }
    }
    throw new AssertionError("order " + orderId + " not in the support list");
  }

  private static void sleep() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
