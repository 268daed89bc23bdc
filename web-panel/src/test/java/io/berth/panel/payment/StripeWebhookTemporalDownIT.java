package io.berth.panel.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.panel.PanelApplication;
import io.berth.panel.payment.BillingRows.Billed;
import io.berth.persistence.account.CustomerRepository;
import io.berth.persistence.billing.SubscriptionRepository;
import io.berth.persistence.order.OrderRepository;
import io.berth.persistence.plan.PlanRepository;
import io.berth.persistence.site.SiteRepository;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The webhook while the workflow service cannot be reached (the panel points at a loopback port
 * nothing listens on): the delivery is answered 503 and everything it did is rolled back, so
 * Stripe's redelivery finds the event new and acts on it then.
 */
@SpringBootTest(
    classes = PanelApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "berth.stripe.webhook-secret=" + StripeSignatures.SECRET,
      "berth.stripe.webhook-signal-timeout=3s",
      "spring.temporal.connection.target=127.0.0.1:1"
    })
@ActiveProfiles("it")
class StripeWebhookTemporalDownIT {

  @LocalServerPort int port;
  @Autowired CustomerRepository customers;
  @Autowired PlanRepository plans;
  @Autowired OrderRepository orders;
  @Autowired SiteRepository sites;
  @Autowired SubscriptionRepository subscriptions;
  @Autowired JdbcTemplate jdbc;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aPaidCheckoutIsRefusedWith503AndLeavesNoTrace_soStripeDeliversItAgain()
      throws IOException, InterruptedException {
    String run = Long.toString(System.currentTimeMillis(), 36);
    Billed billed =
        new BillingRows(customers, plans, orders, sites, subscriptions).stripeOrder("whdown" + run);
    String id = "evt_down" + run;
    String payload =
        StripePayloads.event(
            id,
            "checkout.session.completed",
            Instant.now().getEpochSecond(),
            StripePayloads.checkoutSession(
                billed.orderId(), billed.subscriptionId(), "paid", "sub_down" + run, null));

    for (int delivery = 1; delivery <= 2; delivery++) {
      HttpResponse<String> answer = deliver(payload);

      assertThat(answer.statusCode()).as("delivery %d", delivery).isEqualTo(503);
      assertThat(answer.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      JsonNode problem = StripeFixtures.JSON.readTree(answer.body());
      assertThat(problem.path("detail").asText()).isNotBlank().doesNotContain("Exception");
      assertThat(
              jdbc.queryForObject(
                  "SELECT count(*) FROM payment_event WHERE event_id = ?", Integer.class, id))
          .isZero();
      assertThat(orders.findById(billed.orderId()).orElseThrow().paymentRef()).isNull();
      assertThat(customers.findById(billed.customerId()).orElseThrow().stripeCustomerId()).isNull();
      assertThat(
              subscriptions.findById(billed.subscriptionId()).orElseThrow().stripeSubscriptionId())
          .isNull();
    }
  }

  private HttpResponse<String> deliver(String payload) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/payments/stripe/webhook"))
            .header("Content-Type", "application/json; charset=utf-8")
            .header(
                "Stripe-Signature",
                StripeSignatures.header(
                    payload, StripeSignatures.SECRET, Instant.now().getEpochSecond()))
            .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
