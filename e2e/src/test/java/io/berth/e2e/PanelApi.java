package io.berth.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/** The panel's REST API v1 as a customer's script uses it. */
final class PanelApi {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private String token;

  PanelApi(String base) {
    this.base = base + "/api/v1";
  }

  /** Signs up a new customer and keeps a bearer token for the calls that follow. */
  PanelApi signUp(String email, String password) throws IOException, InterruptedException {
    expect(201, send("POST", "/signup", Map.of("email", email, "password", password)));
    return signIn(email, password);
  }

  PanelApi signIn(String email, String password) throws IOException, InterruptedException {
    token =
        expect(201, send("POST", "/tokens", Map.of("email", email, "password", password)))
            .get("token")
            .asText();
    return this;
  }

  long planId(String name) throws IOException, InterruptedException {
    for (JsonNode plan : expect(200, send("GET", "/plans", null))) {
      if (plan.get("name").asText().equals(name)) {
        return plan.get("id").asLong();
      }
    }
    throw new IllegalStateException("no plan " + name);
  }

  long order(long planId, String siteName) throws IOException, InterruptedException {
    return expect(
            202,
            send(
                "POST", "/orders", Map.of("planId", planId, "siteName", siteName, "app", "static")))
        .get("id")
        .asLong();
  }

  /**
   * Orders a site of this app ({@code wordpress} needs a title; null for others), trying again on a
   * 503; returns the order's id.
   */
  long order(long planId, String siteName, String app, String title)
      throws IOException, InterruptedException {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("planId", planId);
    body.put("siteName", siteName);
    body.put("app", app);
    if (title != null) {
      body.put("title", title);
    }
    // A 503 ("the workflow service is unreachable") leaves nothing behind and asks to try again
    // in a moment: a customer's script does, a few times.
    HttpResponse<String> response = send("POST", "/orders", body);
    for (int attempt = 1; response.statusCode() == 503 && attempt < 5; attempt++) {
      Thread.sleep(3000);
      response = send("POST", "/orders", body);
    }
    return expect(202, response).get("id").asLong();
  }

  JsonNode order(long id) throws IOException, InterruptedException {
    return expect(200, send("GET", "/orders/" + id, null));
  }

  /** The customer's orders, newest first. */
  JsonNode orders() throws IOException, InterruptedException {
    return expect(200, send("GET", "/orders", null));
  }

  /** The plan with this name as the storefront offers it (price, currency, period, limits). */
  JsonNode plan(String name) throws IOException, InterruptedException {
    for (JsonNode plan : expect(200, send("GET", "/plans", null))) {
      if (plan.get("name").asText().equals(name)) {
        return plan;
      }
    }
    throw new IllegalStateException("no plan " + name);
  }

  /** The customer's subscriptions, as "Billing" lists them. */
  JsonNode subscriptions() throws IOException, InterruptedException {
    return expect(200, send("GET", "/subscriptions", null));
  }

  JsonNode subscription(long id) throws IOException, InterruptedException {
    return expect(200, send("GET", "/subscriptions/" + id, null));
  }

  /** What the panel answered a webhook delivery. */
  record Delivery(int status, String body) {}

  /**
   * Delivers a Stripe event to the panel's webhook as Stripe does: no sign-in, the raw JSON body
   * and the {@code Stripe-Signature} header made with {@code webhookSecret}.
   */
  Delivery deliverStripeEvent(String payload, String webhookSecret)
      throws IOException, InterruptedException {
    return postStripeWebhook(
        payload, StripeSignature.header(webhookSecret, Instant.now(), payload));
  }

  /**
   * POSTs a body to the Stripe webhook with this {@code Stripe-Signature} header, right or wrong.
   */
  Delivery postStripeWebhook(String payload, String signatureHeader)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/payments/stripe/webhook"))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Stripe-Signature", signatureHeader)
                .POST(HttpRequest.BodyPublishers.ofString(payload))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Delivery(response.statusCode(), response.body());
  }

  /** Adds a domain with hosted DNS (Berth's BIND runs its zone); returns its id. */
  long addHostedDomain(String name) throws IOException, InterruptedException {
    return expect(201, send("POST", "/domains", Map.of("name", name, "mode", "HOSTED")))
        .get("id")
        .asLong();
  }

  JsonNode domain(long id) throws IOException, InterruptedException {
    return expect(200, send("GET", "/domains/" + id, null));
  }

  JsonNode site(long id) throws IOException, InterruptedException {
    return expect(200, send("GET", "/sites/" + id, null));
  }

  /** The last {@code lines} lines of the site's log ({@code app} or {@code proxy}), as text. */
  String logs(long siteId, String source, int lines) throws IOException, InterruptedException {
    HttpResponse<String> response =
        send("GET", "/sites/" + siteId + "/logs?source=" + source + "&lines=" + lines, null);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "expected HTTP 200, got " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  /**
   * Opens the site's live log ({@code text/event-stream}); the answer's lines arrive as the panel
   * sends them. The caller closes the body.
   */
  HttpResponse<java.io.InputStream> logStream(long siteId, String source)
      throws IOException, InterruptedException {
    HttpResponse<java.io.InputStream> response =
        http.send(
            authorized(
                    HttpRequest.newBuilder(
                        URI.create(base + "/sites/" + siteId + "/logs/stream?source=" + source)))
                .header("Accept", "text/event-stream")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() != 200) {
      String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
      throw new IllegalStateException(
          "expected HTTP 200, got " + response.statusCode() + ": " + body);
    }
    return response;
  }

  /** The site's usage over {@code hour}, {@code day} or {@code month}, with its plan's limits. */
  JsonNode usage(long siteId, String range) throws IOException, InterruptedException {
    return expect(200, send("GET", "/sites/" + siteId + "/usage?range=" + range, null));
  }

  /** The site's backups, newest first. */
  JsonNode backups(long siteId) throws IOException, InterruptedException {
    return expect(200, send("GET", "/sites/" + siteId + "/backups", null));
  }

  /** "Back up now"; returns the new backup's id. */
  long backUpNow(long siteId) throws IOException, InterruptedException {
    return expect(202, send("POST", "/sites/" + siteId + "/backups", null)).get("id").asLong();
  }

  JsonNode backup(long id) throws IOException, InterruptedException {
    return expect(200, send("GET", "/backups/" + id, null));
  }

  /** Downloads the backup's archive into {@code file}; returns the answer's headers. */
  java.net.http.HttpHeaders downloadBackup(long id, java.nio.file.Path file)
      throws IOException, InterruptedException {
    HttpResponse<java.nio.file.Path> response =
        http.send(
            authorized(HttpRequest.newBuilder(URI.create(base + "/backups/" + id + "/download")))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofFile(file));
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "expected HTTP 200, got "
              + response.statusCode()
              + ": "
              + java.nio.file.Files.readString(file));
    }
    return response.headers();
  }

  /** Restores the backup into its own site; returns the restore's id. */
  long restore(long backupId) throws IOException, InterruptedException {
    return expect(202, send("POST", "/backups/" + backupId + "/restore", Map.of()))
        .get("id")
        .asLong();
  }

  JsonNode restoreOf(long id) throws IOException, InterruptedException {
    return expect(200, send("GET", "/restores/" + id, null));
  }

  /** The named step of an order's progress. */
  JsonNode step(long orderId, String name) throws IOException, InterruptedException {
    for (JsonNode step : order(orderId).get("steps")) {
      if (step.get("name").asText().equals(name)) {
        return step;
      }
    }
    throw new IllegalStateException("no step " + name);
  }

  private HttpResponse<String> send(String method, String path, Object body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Accept", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(authorized(request).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder authorized(HttpRequest.Builder request) {
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request;
  }

  private static JsonNode expect(int status, HttpResponse<String> response) throws IOException {
    if (response.statusCode() != status) {
      throw new IllegalStateException(
          "expected HTTP " + status + ", got " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }
}
