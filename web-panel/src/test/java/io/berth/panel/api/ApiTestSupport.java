package io.berth.panel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.panel.PanelApplication;
import io.berth.persistence.account.Customer;
import io.berth.persistence.account.CustomerRepository;
import io.berth.workflows.billing.SubscriptionWorkflow;
import io.berth.workflows.database.DatabaseWorkflow;
import io.berth.workflows.domain.DomainWorkflow;
import io.berth.workflows.order.OrderWorkflow;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/**
 * The panel started for real on a random port, against the test database ({@code berth_test}) and
 * the Temporal dev server. No worker runs: a started order workflow waits. Every test uses fresh
 * emails, site names and domains; the workflows a class started are cancelled (orders) or
 * terminated (subscriptions, domains, databases) after it.
 */
@SpringBootTest(
    classes = PanelApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiTestSupport {

  static final String PASSWORD = "Correct horse 42";
  private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final HttpClient http = HttpClient.newHttpClient();
  private final Set<Long> startedOrders = ConcurrentHashMap.newKeySet();
  private final Set<Long> startedSubscriptions = ConcurrentHashMap.newKeySet();
  private final Set<Long> startedDomains = ConcurrentHashMap.newKeySet();
  private final Set<Long> startedDatabases = ConcurrentHashMap.newKeySet();
  final ObjectMapper json = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired WorkflowClient temporal;
  @Autowired CustomerRepository customers;
  @Autowired PasswordEncoder passwords;

  /** An answer of the API: status, content type and the JSON body (null if none). */
  record Answer(int status, String contentType, String wwwAuthenticate, JsonNode body) {

    String detail() {
      return body.path("detail").asText();
    }

    JsonNode fieldError(String field) {
      for (JsonNode error : body.path("errors")) {
        if (error.path("field").asText().equals(field)) {
          return error;
        }
      }
      return null;
    }

    Answer assertProblem(int expectedStatus) {
      assertThat(status).as("status of %s", body).isEqualTo(expectedStatus);
      assertThat(contentType).startsWith("application/problem+json");
      assertThat(body.path("status").asInt()).isEqualTo(expectedStatus);
      assertThat(detail()).isNotBlank();
      assertThat(body.toString()).doesNotContain("Exception", "\tat ", "trace");
      return this;
    }
  }

  /** A signed-up customer with a token. */
  record Account(long id, String email, String token) {}

  static String unique(String prefix) {
    return prefix + RUN + COUNTER.incrementAndGet();
  }

  static String uniqueEmail() {
    return unique("it") + "@example.test";
  }

  Account newCustomer() {
    String email = uniqueEmail();
    Answer created = post("/api/v1/signup", null, Map.of("email", email, "password", PASSWORD));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return new Account(created.body().path("id").asLong(), email, token(email, PASSWORD));
  }

  Account newSupport() {
    String email = uniqueEmail();
    Customer saved =
        customers.save(
            Customer.create(
                email, passwords.encode(PASSWORD), Customer.ROLE_SUPPORT, Instant.now()));
    return new Account(saved.id(), email, token(email, PASSWORD));
  }

  String token(String email, String password) {
    Answer token = post("/api/v1/tokens", null, Map.of("email", email, "password", password));
    assertThat(token.status()).as(token.body().toString()).isEqualTo(201);
    return token.body().path("token").asText();
  }

  /** Orders a plan and remembers the order so its workflow is cancelled after the class. */
  Answer order(Account account, long planId, String siteName) {
    return order(account, Map.of("planId", planId, "siteName", siteName, "app", "static"));
  }

  /** Orders with the body as given, remembering a started order's and subscription's workflow. */
  Answer order(Account account, Map<String, Object> body) {
    Answer answer = post("/api/v1/orders", account.token(), body);
    if (answer.status() == 202) {
      startedOrders.add(answer.body().path("id").asLong());
      startedSubscriptions.add(answer.body().path("subscriptionId").asLong());
    }
    return answer;
  }

  /** Creates a database and remembers it so its workflow is ended after the class. */
  Answer createDatabase(Account account, String name) {
    Answer answer = post("/api/v1/databases", account.token(), Map.of("name", name));
    if (answer.status() == 201) {
      startedDatabases.add(answer.body().path("id").asLong());
    }
    return answer;
  }

  /** Adds a domain and remembers it so its workflow is ended after the class. */
  Answer addDomain(Account account, Map<String, Object> body) {
    Answer answer = post("/api/v1/domains", account.token(), body);
    if (answer.status() == 201) {
      startedDomains.add(answer.body().path("id").asLong());
    }
    return answer;
  }

  long planId(String code) {
    for (JsonNode plan : get("/api/v1/plans", null).body()) {
      if (plan.path("code").asText().equals(code)) {
        return plan.path("id").asLong();
      }
    }
    throw new AssertionError("no plan " + code);
  }

  Answer get(String path, String token) {
    return send(request(path, token).GET());
  }

  Answer post(String path, String token, Object body) {
    return postRaw(path, token, body == null ? "" : write(body));
  }

  Answer put(String path, String token, Object body) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(write(body))));
  }

  Answer patch(String path, String token, Object body) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(write(body))));
  }

  Answer delete(String path, String token) {
    return send(request(path, token).DELETE());
  }

  Answer postRaw(String path, String token, String body) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Accept", "application/json, application/problem+json");
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.headers().firstValue("WWW-Authenticate").orElse(null),
          body == null || body.isBlank() ? json.nullNode() : json.readTree(body));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String write(Object body) {
    try {
      return json.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  void cancelTheWorkflowsThisClassStarted() {
    for (long orderId : startedOrders) {
      try {
        temporal.newUntypedWorkflowStub(OrderWorkflow.workflowId(orderId)).cancel();
      } catch (RuntimeException alreadyClosed) {
        // Nothing left to cancel.
      }
    }
    // With no worker a subscription workflow never ends by itself: end it.
    for (long subscriptionId : startedSubscriptions) {
      try {
        temporal
            .newUntypedWorkflowStub(SubscriptionWorkflow.workflowId(subscriptionId))
            .terminate("end of " + getClass().getSimpleName());
      } catch (RuntimeException alreadyClosed) {
        // Nothing left to end.
      }
    }
    for (long databaseId : startedDatabases) {
      try {
        temporal
            .newUntypedWorkflowStub(DatabaseWorkflow.workflowId(databaseId))
            .terminate("end of " + getClass().getSimpleName());
      } catch (RuntimeException alreadyClosed) {
        // Nothing left to end.
      }
    }
    // With no worker a domain workflow would only act on a cancellation once one runs: end it.
    for (long domainId : startedDomains) {
      try {
        temporal
            .newUntypedWorkflowStub(DomainWorkflow.workflowId(domainId))
            .terminate("end of " + getClass().getSimpleName());
      } catch (RuntimeException alreadyClosed) {
        // Nothing left to end.
      }
    }
  }
}
