package io.berth.activities.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.berth.activities.proxy.AccessLogFiles;
import io.berth.activities.proxy.NginxInstance;
import io.berth.activities.proxy.NginxReverseProxy;
import io.berth.workflows.site.RouteSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link ProxyAccessLogs} on a private nginx that routes a site to a loopback backend: requests to
 * the site show up as access lines, also after the log is truncated or rotated.
 */
class ProxyAccessLogsIT {

  private static NginxInstance nginx;
  private static NginxReverseProxy proxy;
  private static HttpServer backend;
  private static AccessLogFiles files;
  private static ProxyAccessLogs logs;
  private static long siteId;

  @BeforeAll
  static void startNginxAndRouteASite() throws Exception {
    nginx = NginxInstance.start();
    proxy = nginx.proxy();
    backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    backend.createContext(
        "/",
        exchange -> {
          byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    backend.start();
    siteId = ThreadLocalRandom.current().nextLong(990_000, 1_000_000);
    proxy.ensureRoute(new RouteSpec(siteId, "logs" + siteId, backend.getAddress().getPort()));
    files = new AccessLogFiles(nginx.prefix());
    logs = new ProxyAccessLogs(files, id -> id == siteId, Duration.ofMillis(20), Clock.systemUTC());
  }

  @AfterAll
  static void stop() throws Exception {
    backend.stop(0);
    nginx.close();
  }

  @Test
  void givenAFollowedProxyLog_whenSomeoneVisitsTheSite_theRequestAppearsAsAnAccessLine()
      throws Exception {
    LinkedBlockingQueue<LogLine> received = new LinkedBlockingQueue<>();
    try (LogFollow follow = logs.follow(siteId, 0, received::add)) {
      Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      String path = visit();
      Instant after = Instant.now();

      LogLine line = awaitLine(received, path);
      assertThat(line.stream()).isEqualTo(LogLine.ACCESS);
      assertThat(line.line()).contains("\"GET " + path + " HTTP/1.1\" 200 5").contains("127.0.0.1");
      assertThat(line.at()).isBetween(before, after);
      assertThat(follow.awaitEnd(Duration.ZERO)).as("still following").isFalse();
    }
    assertThat(Files.readString(files.forSite(siteId))).contains("GET /");
  }

  @Test
  void givenRequestsToTheSite_whenTailing_itReturnsTheLastOnesInOrder() throws Exception {
    List<String> paths = List.of(visit(), visit(), visit());

    List<LogLine> lines = logs.tail(siteId, 2);

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).line()).contains(paths.get(1));
    assertThat(lines.get(1).line()).contains(paths.get(2));
  }

  @Test
  void givenAFollowedProxyLog_whenTheFileIsTruncatedOrRotated_laterRequestsStillAppear()
      throws Exception {
    LinkedBlockingQueue<LogLine> received = new LinkedBlockingQueue<>();
    try (LogFollow follow = logs.follow(siteId, 0, received::add)) {
      awaitLine(received, visit());

      Files.write(files.forSite(siteId), new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
      awaitLine(received, visit());

      Path file = files.forSite(siteId);
      Files.move(file, file.resolveSibling(file.getFileName() + ".1"));
      reopenLogs();
      awaitVisitLogged(received);
    }
  }

  @Test
  void givenASiteThatIsNotOnThisHost_whenReadingItsProxyLog_itSaysSo() {
    assertThatThrownBy(() -> logs.tail(siteId + 1, 10)).isInstanceOf(SiteNotOnHostException.class);
    assertThatThrownBy(() -> logs.follow(siteId + 1, 10, line -> {}))
        .isInstanceOf(SiteNotOnHostException.class);
  }

  /** The first line received that mentions {@code path}. */
  private static LogLine awaitLine(LinkedBlockingQueue<LogLine> received, String path)
      throws InterruptedException {
    while (true) {
      LogLine line = received.poll(30, TimeUnit.SECONDS);
      assertThat(line).as("an access line for %s", path).isNotNull();
      if (line.line().contains(path)) {
        return line;
      }
    }
  }

  /**
   * Visits until a visit shows up: nginx's workers reopen their log files a moment after the master
   * was told to, so the first visits after a rotation may still go to the old file.
   */
  private static void awaitVisitLogged(LinkedBlockingQueue<LogLine> received)
      throws IOException, InterruptedException {
    for (int attempt = 1; attempt <= 50; attempt++) {
      String path = visit();
      Instant deadline = Instant.now().plusSeconds(2);
      for (LogLine line = received.poll(2, TimeUnit.SECONDS);
          line != null;
          line =
              received.poll(
                  Math.max(0, Duration.between(Instant.now(), deadline).toMillis()),
                  TimeUnit.MILLISECONDS)) {
        if (line.line().contains(path)) {
          return;
        }
      }
    }
    throw new AssertionError("No visit showed up in the rotated access log");
  }

  /** A GET of a fresh path on the site, through nginx; returns the path. */
  private static String visit() throws IOException {
    String path = "/visit-" + UUID.randomUUID();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), nginx.port()), 5000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET "
                  + path
                  + " HTTP/1.1\r\nHost: logs"
                  + siteId
                  + "."
                  + NginxInstance.DOMAIN
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      assertThat(answer).startsWith("HTTP/1.1 200").endsWith("hello");
    }
    return path;
  }

  /** What logrotate's postrotate does: nginx opens its log files anew. */
  private static void reopenLogs() throws IOException, InterruptedException {
    Process reopen =
        new ProcessBuilder(
                "nginx",
                "-s",
                "reopen",
                "-c",
                nginx.prefix().resolve("nginx.conf").toString(),
                "-p",
                nginx.prefix().toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(reopen.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(reopen.waitFor()).as("nginx -s reopen: %s", output).isZero();
  }
}
