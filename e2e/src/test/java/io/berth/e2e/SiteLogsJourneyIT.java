package io.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A site's logs as its owner reads them, on the real platform: the container's own lines and the
 * proxy's access lines through the REST API, a live stream that delivers a line made after it was
 * opened, and the Logs page in Chromium.
 */
class SiteLogsJourneyIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Platform platform;
  private static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    platform = Platform.fromJars();
    browser = new Browser();
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void givenALiveSite_whenItsOwnerReadsItsLogs_itSeesContainerAndProxyLinesLiveAndInOrder()
      throws Exception {
    String site = "logs" + Long.toString(System.nanoTime() % 100000, 36);
    String email = site + "@berth.test";
    String password = "Logs-journey-password-1";
    PanelApi api = new PanelApi(platform.panelUrl()).signUp(email, password);
    long orderId = api.order(api.planId("Trial"), site, "static", null);
    await()
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> api.order(orderId).get("status").asText().equals("ACTIVE"));
    long siteId = api.order(orderId).get("siteId").asLong();

    // Three visits with paths of their own, in this order.
    String marker = "e2e-" + Long.toString(System.nanoTime(), 36);
    List<String> paths = List.of("/" + marker + "-1", "/" + marker + "-2", "/" + marker + "-3");
    for (String path : paths) {
      assertThat(visit(site, path)).isIn(200, 404);
    }

    // The container's nginx logs each request on its stdout.
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> api.logs(siteId, "app", 200).contains(paths.get(2)));
    String app = api.logs(siteId, "app", 200);
    assertThat(linesWith(app, marker)).hasSize(3);
    assertThat(linesWith(app, marker).get(0)).contains(" stdout ");
    assertInOrder(linesWith(app, marker), paths);

    // The proxy's access log of the site shows the same requests, in the order they came.
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> api.logs(siteId, "proxy", 50).contains(paths.get(2)));
    List<String> proxy = linesWith(api.logs(siteId, "proxy", 50), marker);
    assertThat(proxy).hasSize(3).allMatch(line -> line.contains(" access "));
    assertInOrder(proxy, paths);
    // "lines" is the last N lines: the newest request is the last one.
    assertThat(api.logs(siteId, "proxy", 1).strip()).contains(paths.get(2));

    // A line made after the stream was opened arrives on it.
    HttpResponse<InputStream> stream = api.logStream(siteId, "proxy");
    assertThat(stream.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/event-stream");
    List<String> events = new CopyOnWriteArrayList<>();
    Thread reader = readEvents(stream.body(), events);
    try {
      String later = "/" + marker + "-after-open";
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () -> {
                visit(site, later);
                return events.stream().anyMatch(e -> e.contains(later));
              });
      JsonNode event =
          JSON.readTree(events.stream().filter(e -> e.contains(later)).findFirst().orElseThrow());
      assertThat(event.get("stream").asText()).isEqualTo("access");
      assertThat(event.get("line").asText()).contains("GET " + later);
      assertThat(event.get("at").asText()).isNotBlank();
    } finally {
      stream.body().close();
      reader.interrupt();
    }

    // The Logs page in a real browser shows the site's lines.
    browser.signIn(platform.panelUrl(), email, password);
    browser.open(platform.panelUrl() + "/sites/" + siteId);
    browser.clickId("site-logs-link");
    browser.waitUntil(
        Duration.ofSeconds(30), d -> d.getCurrentUrl().endsWith("/sites/" + siteId + "/logs"));
    browser.waitUntil(
        Duration.ofSeconds(30),
        d -> d.findElement(By.tagName("body")).getText().contains(paths.get(2)));
  }

  /** GET through nginx with the site's host name; returns the status. */
  private static int visit(String site, String path) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", Platform.PROXY_PORT)) {
      socket.setSoTimeout(5000);
      socket
          .getOutputStream()
          .write(
              ("GET "
                      + path
                      + " HTTP/1.1\r\nHost: "
                      + site
                      + ".berth.localhost\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return Integer.parseInt(response.substring(9, 12));
    }
  }

  /** Collects each {@code data:} payload of a server-sent event stream until it ends. */
  private static Thread readEvents(InputStream body, List<String> events) {
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  if (line.startsWith("data:")) {
                    events.add(line.substring(5).strip());
                  }
                }
              } catch (IOException closed) {
                // The test closed the stream.
              }
            },
            "sse-reader");
    reader.setDaemon(true);
    reader.start();
    return reader;
  }

  private static List<String> linesWith(String text, String marker) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.contains(marker)) {
        lines.add(line);
      }
    }
    return lines;
  }

  private static void assertInOrder(List<String> lines, List<String> paths) {
    assertThat(lines).hasSameSizeAs(paths);
    for (int i = 0; i < paths.size(); i++) {
      assertThat(lines.get(i)).contains("GET " + paths.get(i) + " ");
    }
  }
}
