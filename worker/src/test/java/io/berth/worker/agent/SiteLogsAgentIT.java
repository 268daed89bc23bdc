package io.berth.worker.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import io.berth.activities.logs.LogLine;
import io.berth.activities.logs.LogSource;
import io.berth.activities.logs.SiteLogSources;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The agent's log endpoint over HTTP, reading the real Docker engine: who may ask, what an answer
 * looks like, and that a followed log neither piles up in the worker for a slow reader nor outlives
 * its reader.
 */
@SpringBootTest(
    classes = AgentTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"server.address=127.0.0.1", "berth.agent.keep-alive=500ms"})
class SiteLogsAgentIT {

  /** The flood: 500 000 lines of 300 bytes, about 150 MB, far above the heap bound below. */
  private static final int FLOOD_LINES = 500_000;

  private static final int FLOOD_LINE_BYTES = 300;

  /** How much more heap the worker may hold while a reader leaves the whole flood unread. */
  private static final long HEAP_BOUND = 64L * 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static AgentContainers containers;

  @LocalServerPort int port;
  @Autowired AgentToken token;
  @Autowired OpenFollows openFollows;
  @Autowired SiteLogSources sources;

  @BeforeAll
  static void containers(@Autowired DockerClient docker) {
    containers = new AgentContainers(docker);
  }

  @AfterAll
  static void removeContainers() {
    containers.close();
  }

  @Test
  void givenNoToken_whenAskingForALog_itAnswers401WithAProblem() throws IOException {
    HttpURLConnection answer = get("/agent/v1/sites/1/logs", null);

    assertThat(answer.getResponseCode()).isEqualTo(401);
    assertThat(answer.getContentType()).isEqualTo("application/problem+json");
    assertThat(answer.getHeaderField("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(problem(answer)).containsEntry("status", 401).containsKey("detail");
  }

  @Test
  void givenAWrongToken_whenAskingForALog_itAnswers401() throws IOException {
    String wrong = token.value().substring(1) + "x";

    assertThat(get("/agent/v1/sites/1/logs", wrong).getResponseCode()).isEqualTo(401);
    assertThat(get("/agent/v1/sites/1/logs", "").getResponseCode()).isEqualTo(401);
  }

  @Test
  void givenASiteWithoutAContainerHere_whenAskingForItsLog_itAnswers404WithAProblem()
      throws IOException {
    long siteId = containers.freeSiteId();

    for (String source : List.of("app", "proxy")) {
      HttpURLConnection answer =
          get("/agent/v1/sites/" + siteId + "/logs?source=" + source, token.value());

      assertThat(answer.getResponseCode()).isEqualTo(404);
      assertThat(answer.getContentType()).isEqualTo("application/problem+json");
      assertThat(problem(answer).get("detail").toString())
          .isEqualTo("Site " + siteId + " has no container on this host.");
    }
  }

  @Test
  void givenAnUnknownSourceOrTooManyLines_whenAskingForALog_itAnswers400() throws IOException {
    HttpURLConnection source = get("/agent/v1/sites/1/logs?source=kernel", token.value());
    HttpURLConnection tail = get("/agent/v1/sites/1/logs?tail=10001", token.value());

    assertThat(source.getResponseCode()).isEqualTo(400);
    assertThat(problem(source).get("detail").toString()).contains("app or proxy");
    assertThat(tail.getResponseCode()).isEqualTo(400);
  }

  @Test
  void givenAnAppThatPrintedLines_whenAskingForTheTail_itAnswersOneJsonObjectPerLine()
      throws Exception {
    long siteId = containers.run("echo first; echo second; echo oops >&2; sleep 600");
    awaitTrue(() -> sources.get(LogSource.APP).tail(siteId, 10).size() == 3);

    HttpURLConnection answer =
        get("/agent/v1/sites/" + siteId + "/logs?source=app&tail=10", token.value());

    assertThat(answer.getResponseCode()).isEqualTo(200);
    assertThat(answer.getContentType()).isEqualTo("application/x-ndjson");
    String body = new String(answer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    List<Map<String, Object>> lines = new ArrayList<>();
    for (String line : body.split("\n")) {
      lines.add(JSON.readValue(line, new TypeReference<Map<String, Object>>() {}));
    }
    assertThat(lines).hasSize(3);
    assertThat(lines).allSatisfy(line -> assertThat(line).containsOnlyKeys("at", "stream", "line"));
    // Docker keeps the order within stdout and within stderr, not across them.
    assertThat(lines)
        .filteredOn(line -> line.get("stream").equals("stdout"))
        .extracting(line -> line.get("line"))
        .containsExactly("first", "second");
    assertThat(lines)
        .filteredOn(line -> line.get("stream").equals("stderr"))
        .extracting(line -> line.get("line"))
        .containsExactly("oops");
    assertThat(Instant.parse(lines.get(0).get("at").toString())).isBefore(Instant.now());
  }

  @Test
  void givenAFloodingApp_whenASlowReaderFollowsIt_theWorkerHoldsTheFloodBackAndEndsWithTheReader()
      throws Exception {
    long siteId =
        containers.run(
            "while [ ! -e /tmp/go ]; do sleep 0.05; done;"
                + " yes \"$(head -c "
                + (FLOOD_LINE_BYTES - 1)
                + " /dev/zero | tr '\\0' y)\" | head -n "
                + FLOOD_LINES
                + "; echo flood-done; sleep 600");
    long heapBefore = usedHeapAfterGc();

    HttpURLConnection follow =
        get("/agent/v1/sites/" + siteId + "/logs?tail=10&follow=true", token.value());
    assertThat(follow.getResponseCode()).isEqualTo(200);
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(follow.getInputStream(), StandardCharsets.UTF_8));
    containers.exec(siteId, "touch /tmp/go");
    assertThat(floodLine(nextLine(reader))).isTrue();
    // The reader now stops reading while the app writes the whole flood.
    awaitTrue(
        () ->
            sources.get(LogSource.APP).tail(siteId, 1).stream()
                .map(LogLine::line)
                .toList()
                .equals(List.of("flood-done")));
    long heapDuringFlood = usedHeapAfterGc();

    assertThat(heapDuringFlood - heapBefore)
        .as("heap the worker holds for a reader that left ~150 MB of log unread")
        .isLessThan(HEAP_BOUND);
    assertThat(openFollows.count()).isEqualTo(1);
    for (int i = 0; i < 2_000; i++) {
      assertThat(floodLine(nextLine(reader))).as("line %d after the pause", i).isTrue();
      if (i % 200 == 0) {
        Thread.sleep(5);
      }
    }

    follow.disconnect();

    awaitTrue(() -> openFollows.count() == 0);
    awaitTrue(() -> dockerStreamThreads().isEmpty());
  }

  @Test
  void givenAQuietFollowedLog_whenTheReaderGoesAway_theFollowEnds() throws Exception {
    long siteId = containers.run("echo hello; sleep 600");
    awaitTrue(() -> sources.get(LogSource.APP).tail(siteId, 10).size() == 1);

    HttpURLConnection follow =
        get("/agent/v1/sites/" + siteId + "/logs?tail=10&follow=true", token.value());
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(follow.getInputStream(), StandardCharsets.UTF_8));
    assertThat(JSON.readValue(nextLine(reader), Map.class)).containsEntry("line", "hello");
    assertThat(openFollows.count()).isEqualTo(1);

    follow.disconnect();

    awaitTrue(() -> openFollows.count() == 0);
    awaitTrue(() -> dockerStreamThreads().isEmpty());
  }

  /** The next log line, past the blank keep-alive lines a quiet log gets. */
  private static String nextLine(BufferedReader reader) throws IOException {
    String line = reader.readLine();
    while (line != null && line.isEmpty()) {
      line = reader.readLine();
    }
    return line;
  }

  private static boolean floodLine(String line) throws IOException {
    Map<?, ?> json = JSON.readValue(line, Map.class);
    return json.get("line").equals("y".repeat(FLOOD_LINE_BYTES - 1))
        && json.get("stream").equals("stdout");
  }

  private static List<String> dockerStreamThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith("docker-java-stream-"))
        .toList();
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Waits for a condition that becomes true on its own; fails after a generous minute. */
  private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("condition still false").isBefore(deadline);
      Thread.sleep(50);
    }
  }

  private Map<String, Object> problem(HttpURLConnection answer) throws IOException {
    InputStream body = answer.getErrorStream();
    return JSON.readValue(body, new TypeReference<Map<String, Object>>() {});
  }

  private HttpURLConnection get(String pathAndQuery, String bearer) throws IOException {
    HttpURLConnection connection =
        (HttpURLConnection)
            URI.create("http://127.0.0.1:" + port + pathAndQuery).toURL().openConnection();
    connection.setConnectTimeout(5_000);
    connection.setReadTimeout(60_000);
    if (bearer != null) {
      connection.setRequestProperty("Authorization", "Bearer " + bearer);
    }
    return connection;
  }
}
