package io.berth.panel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.berth.persistence.host.HostRepository;
import io.berth.persistence.site.Site;
import io.berth.persistence.site.SiteRepository;
import io.berth.workflows.site.SiteStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Logs through the API against PostgreSQL, with a real HTTP server on loopback standing in for the
 * host's agent: registered in the host's row with its address and token as the worker's heartbeat
 * would, answering NDJSON as the agent does, refusing a request without its token.
 */
class LogsApiIT extends ApiTestSupport {

  static final String HOST = "it-logs-host";
  static final String DOWN_HOST = "it-logs-down-host";
  static final String AT = "2026-11-27T05:00:00.123456789Z";
  private static final Pattern SITE_LOGS = Pattern.compile("/agent/v1/sites/(\\d+)/logs");

  @Autowired SiteRepository sites;
  @Autowired HostRepository hosts;
  @Autowired JdbcClient jdbc;

  private final String token = "it-token-" + unique("t");
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<String> agentCalls = new CopyOnWriteArrayList<>();
  private final Set<Long> sitesWithContainers = ConcurrentHashMap.newKeySet();
  private final CountDownLatch followerGone = new CountDownLatch(1);
  private HttpServer agent;

  @BeforeAll
  void startTheAgent() throws IOException {
    agent = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    agent.setExecutor(Executors.newCachedThreadPool());
    agent.createContext("/agent/", this::answer);
    agent.start();
    register(HOST, "http://127.0.0.1:" + agent.getAddress().getPort());
    register(DOWN_HOST, "http://127.0.0.1:" + closedPort());
  }

  @AfterAll
  void stopTheAgent() {
    agent.stop(0);
  }

  @Test
  void givenALiveSite_theLinesCallAnswersItsLastLinesAsTextOldestFirst() throws Exception {
    Account ada = newCustomer();
    Site site = liveSite(ada, HOST);

    HttpResponse<String> answer = getText("/api/v1/sites/" + site.id() + "/logs?lines=5", ada);

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/plain")
        .containsIgnoringCase("charset=UTF-8");
    assertThat(answer.body())
        .isEqualTo(
            AT
                + " stdout line 1 of 5\n"
                + AT
                + " stderr line 2 of 5 — ünïcode\n"
                + AT
                + " stdout line 3 of 5\n"
                + AT
                + " stdout line 4 of 5\n"
                + AT
                + " stdout line 5 of 5\n");
    assertThat(agentCalls)
        .contains("/agent/v1/sites/" + site.id() + "/logs?source=app&tail=5&follow=false");
  }

  @Test
  void theAccessLogAndTheDefaultLineCountAreAskedOfTheAgent() throws Exception {
    Account ada = newCustomer();
    Site site = liveSite(ada, HOST);

    HttpResponse<String> answer = getText("/api/v1/sites/" + site.id() + "/logs?source=proxy", ada);

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body().lines().toList()).hasSize(200);
    assertThat(answer.body().lines().findFirst().orElseThrow())
        .isEqualTo(AT + " access line 1 of 200");
    assertThat(agentCalls)
        .contains("/agent/v1/sites/" + site.id() + "/logs?source=proxy&tail=200&follow=false");
  }

  @Test
  void theStreamDeliversLinesAsEventsInOrderAndClosesTheAgentsStreamWhenTheClientGoes()
      throws Exception {
    Account ada = newCustomer();
    Site site = liveSite(ada, HOST);
    HttpRequest request =
        HttpRequest.newBuilder(url("/api/v1/sites/" + site.id() + "/logs/stream"))
            .header("Authorization", "Bearer " + ada.token())
            .header("Accept", "text/event-stream")
            .GET()
            .build();

    HttpResponse<InputStream> answer =
        http.send(request, HttpResponse.BodyHandlers.ofInputStream());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/event-stream");
    List<JsonNode> events = new ArrayList<>();
    try (InputStream body = answer.body()) {
      BufferedReader lines =
          new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
      String line;
      while (events.size() < 6 && (line = lines.readLine()) != null) {
        if (line.startsWith("data:")) {
          events.add(json.readTree(line.substring("data:".length())));
        }
      }
    }
    assertThat(events)
        .extracting(event -> event.path("line").asText())
        .containsExactly(
            "line 1 of 3", "line 2 of 3 — ünïcode", "line 3 of 3", "new 1", "new 2", "new 3");
    assertThat(events.get(0).path("at").asText()).isEqualTo(AT);
    assertThat(events.get(1).path("stream").asText()).isEqualTo("stderr");
    assertThat(agentCalls)
        .contains("/agent/v1/sites/" + site.id() + "/logs?source=app&tail=200&follow=true");
    assertThat(followerGone.await(30, TimeUnit.SECONDS))
        .as("the panel closed the agent's stream once its client went")
        .isTrue();
  }

  @Test
  void anotherCustomersSiteIsNotFoundAndTheAgentIsNeverAsked() throws Exception {
    Account ada = newCustomer();
    Account bob = newCustomer();
    Site site = liveSite(ada, HOST);
    int before = agentCalls.size();

    for (String path : List.of("/logs", "/logs?lines=10", "/logs/stream")) {
      Answer answer = get("/api/v1/sites/" + site.id() + path, bob.token()).assertProblem(404);
      assertThat(answer.detail()).isEqualTo("There is no site " + site.id() + " in your account.");
    }
    assertThat(agentCalls).hasSize(before);
  }

  @Test
  void badSourceOrLineCountIsA400NamingTheField() {
    Account ada = newCustomer();
    Site site = liveSite(ada, HOST);
    String logs = "/api/v1/sites/" + site.id() + "/logs";

    Answer source = get(logs + "?source=nginx", ada.token()).assertProblem(400);
    assertThat(source.fieldError("source")).isNotNull();
    assertThat(source.detail()).contains("app", "proxy");
    assertThat(get(logs + "/stream?source=docker", ada.token()).assertProblem(400).detail())
        .isEqualTo(source.detail());
    for (String lines : List.of("0", "10001", "-3", "many", "1.5")) {
      Answer answer = get(logs + "?lines=" + lines, ada.token()).assertProblem(400);
      assertThat(answer.fieldError("lines").path("message").asText())
          .isEqualTo("lines must be a whole number from 1 to 10000.");
    }
  }

  @Test
  void givenTheHostsAgentIsDown_itIsA503InWordsAPersonCanActOn() {
    Account ada = newCustomer();
    Site site = liveSite(ada, DOWN_HOST);

    for (String path : List.of("/logs", "/logs/stream")) {
      Answer answer = get("/api/v1/sites/" + site.id() + path, ada.token()).assertProblem(503);
      assertThat(answer.detail())
          .isEqualTo(
              "The logs of this site cannot be reached right now: its host's agent does not"
                  + " answer.");
    }
  }

  @Test
  void givenTheSiteHasNoContainerOnItsHost_itIsA409() {
    Account ada = newCustomer();
    Site site = liveSite(ada, HOST);
    sitesWithContainers.remove(site.id());

    Answer answer = get("/api/v1/sites/" + site.id() + "/logs", ada.token()).assertProblem(409);

    assertThat(answer.detail()).contains(site.name() + " has no container on its host right now");
  }

  @Test
  void givenASiteNotPlacedYet_itIsA409() {
    Account ada = newCustomer();
    Answer placed = order(ada, planId("starter"), unique("logs"));
    long siteId = sites.findByOrderId(placed.body().path("id").asLong()).orElseThrow().id();

    Answer answer = get("/api/v1/sites/" + siteId + "/logs", ada.token()).assertProblem(409);

    assertThat(answer.detail()).contains("has not been placed on a host yet");
  }

  @Test
  void theCallsAreDocumentedUnderTheLogsTag() {
    JsonNode paths = get("/v3/api-docs", null).body().path("paths");

    assertThat(paths.path("/api/v1/sites/{id}/logs").path("get").path("tags").toString())
        .contains("Logs");
    assertThat(paths.path("/api/v1/sites/{id}/logs/stream").path("get").path("tags").toString())
        .contains("Logs");
  }

  /** The stand-in agent: bearer token checked, NDJSON answered, followed logs kept open. */
  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      agentCalls.add(uri.getPath() + "?" + uri.getQuery());
      if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        problem(exchange, 401, "A valid bearer token is needed.");
        return;
      }
      Matcher logs = SITE_LOGS.matcher(uri.getPath());
      if (!logs.matches() || !sitesWithContainers.contains(Long.parseLong(logs.group(1)))) {
        problem(exchange, 404, "The site has no container on this host.");
        return;
      }
      Map<String, String> query = query(uri.getQuery());
      String stream = "proxy".equals(query.get("source")) ? "access" : "stdout";
      boolean follow = "true".equals(query.get("follow"));
      int tail = follow ? 3 : Integer.parseInt(query.get("tail"));
      exchange.getResponseHeaders().set("Content-Type", "application/x-ndjson");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      for (int n = 1; n <= tail; n++) {
        String text = "line " + n + " of " + tail + (n == 2 ? " — ünïcode" : "");
        out.write(ndjson(n == 2 && !"access".equals(stream) ? "stderr" : stream, text));
      }
      out.flush();
      if (follow) {
        followUntilTheClientGoes(out);
      }
    }
  }

  private void followUntilTheClientGoes(OutputStream out) {
    try {
      for (int n = 1; ; n++) {
        out.write(ndjson("stdout", "new " + n));
        out.flush();
        Thread.sleep(n <= 3 ? 10 : 200);
      }
    } catch (IOException gone) {
      followerGone.countDown();
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
    }
  }

  private static byte[] ndjson(String stream, String line) {
    return ("{\"at\":\"" + AT + "\",\"stream\":\"" + stream + "\",\"line\":\"" + line + "\"}\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static void problem(HttpExchange exchange, int status, String detail) throws IOException {
    byte[] body =
        ("{\"status\":" + status + ",\"detail\":\"" + detail + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  private static Map<String, String> query(String query) {
    Map<String, String> parameters = new ConcurrentHashMap<>();
    for (String pair : query == null ? new String[0] : query.split("&")) {
      String[] parts = pair.split("=", 2);
      parameters.put(parts[0], parts.length > 1 ? parts[1] : "");
    }
    return parameters;
  }

  private HttpResponse<String> getText(String path, Account account) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(url(path))
            .header("Authorization", "Bearer " + account.token())
            .header("Accept", "text/plain")
            .GET()
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** The host's row as the worker's heartbeat leaves it: the agent's address and token. */
  private void register(String hostId, String agentUrl) {
    hosts.heartbeat(hostId, 43000, 43999, "127.0.0.1");
    jdbc.sql("UPDATE host SET agent_url = :url, agent_token = :token WHERE id = :id")
        .param("url", agentUrl)
        .param("token", token)
        .param("id", hostId)
        .update();
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** A Starter order whose site is live on {@code hostId}, as placement would have left it. */
  private Site liveSite(Account account, String hostId) {
    Answer placed = order(account, planId("starter"), unique("logs"));
    assertThat(placed.status()).as(placed.body().toString()).isEqualTo(202);
    Site site = sites.findByOrderId(placed.body().path("id").asLong()).orElseThrow();
    Site live =
        sites.save(
            new Site(
                site.id(),
                site.customerId(),
                site.orderId(),
                site.name(),
                site.app(),
                SiteStatus.RUNNING,
                null,
                hostId,
                // Unique among the live sites on the host, as the unique index wants.
                site.id().intValue(),
                site.createdAt(),
                Instant.now()));
    sitesWithContainers.add(live.id());
    return live;
  }
}
