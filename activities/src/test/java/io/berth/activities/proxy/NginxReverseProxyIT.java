package io.berth.activities.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.workflows.site.RouteSpec;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a visitor and an operator see through a real nginx when routes come and go. */
class NginxReverseProxyIT {

  private static NginxInstance nginx;
  private static NginxReverseProxy proxy;

  @BeforeAll
  static void startNginx() throws Exception {
    nginx = NginxInstance.start();
    proxy = nginx.proxy();
  }

  @AfterAll
  static void stopNginx() throws Exception {
    if (nginx != null) {
      nginx.close();
    }
  }

  @Test
  void givenARoute_whenVisitingTheSiteName_itServesTheSite() throws Exception {
    try (Backend site = Backend.start("hello from myblog")) {
      proxy.ensureRoute(new RouteSpec(1, "myblog", site.port()));

      Http.Response response = Http.get(nginx.port(), "myblog.berth.localhost");
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("hello from myblog");

      Command.Result curl =
          Command.run(
              List.of(
                  "curl",
                  "-s",
                  "-H",
                  "Host: myblog.berth.localhost",
                  "http://127.0.0.1:" + nginx.port() + "/"));
      assertThat(curl.exitCode()).isZero();
      assertThat(curl.output()).isEqualTo("hello from myblog");
    }
  }

  @Test
  void givenTheSameRouteTwice_itKeepsOneFileAndDoesNotReload() throws Exception {
    try (Backend site = Backend.start("twice")) {
      RouteSpec route = new RouteSpec(2, "twice", site.port());
      proxy.ensureRoute(route);
      Http.get(nginx.port(), "twice.berth.localhost");
      Path file = nginx.sites().resolve("site-2.conf");
      String content = Files.readString(file);
      FileTime written = Files.getLastModifiedTime(file);
      Set<Long> workers = nginx.awaitSettledWorkers();

      proxy.ensureRoute(route);

      Thread.sleep(300);
      assertThat(nginx.workerPids())
          .as("nginx workers (a reload replaces them)")
          .isEqualTo(workers);
      assertThat(Files.readString(file)).isEqualTo(content);
      assertThat(Files.getLastModifiedTime(file)).isEqualTo(written);
      assertThat(nginx.siteFileNames())
          .filteredOn(name -> name.contains("-2."))
          .containsExactly("site-2.conf");
      assertThat(nginx.siteFileNames())
          .allMatch(name -> name.equals(".lock") || name.matches("site-\\d+\\.conf"));
      assertThat(Http.get(nginx.port(), "twice.berth.localhost").body()).isEqualTo("twice");
    }
  }

  @Test
  void givenANewPort_itServesTheSiteFromThere() throws Exception {
    try (Backend before = Backend.start("old container");
        Backend after = Backend.start("new container")) {
      proxy.ensureRoute(new RouteSpec(3, "moving", before.port()));
      assertThat(Http.get(nginx.port(), "moving.berth.localhost").body())
          .isEqualTo("old container");

      proxy.ensureRoute(new RouteSpec(3, "moving", after.port()));

      assertThat(Http.get(nginx.port(), "moving.berth.localhost").body())
          .isEqualTo("new container");
      assertThat(Files.readString(nginx.sites().resolve("site-3.conf")))
          .contains("127.0.0.1:" + after.port())
          .doesNotContain("127.0.0.1:" + before.port() + ";");
    }
  }

  @Test
  void givenTheSiteStops_visitorsSeeTheStoppedPageUntilItIsBack() throws Exception {
    Backend site = Backend.start("running");
    int port = site.port();
    proxy.ensureRoute(new RouteSpec(4, "sleepy", port));
    assertThat(Http.get(nginx.port(), "sleepy.berth.localhost").body()).isEqualTo("running");

    site.close();

    for (String method : List.of("GET", "POST", "HEAD")) {
      Http.Response stopped =
          Http.request(method, nginx.port(), "sleepy.berth.localhost", "/wp-admin/", Map.of());
      assertThat(stopped.status()).as(method).isEqualTo(503);
      assertThat(stopped.header("Retry-After")).as(method).isEqualTo("30");
      assertThat(stopped.header("Content-Type")).as(method).startsWith("text/html");
      if (!method.equals("HEAD")) {
        assertThat(stopped.body())
            .as(method)
            .contains("This site is stopped")
            .doesNotContain("502")
            .doesNotContain("Bad Gateway")
            .doesNotContain("nginx");
      }
    }

    try (Backend back = Backend.start(port, "running again")) {
      Http.Response response = Http.get(nginx.port(), "sleepy.berth.localhost");
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("running again");
    }
  }

  @Test
  void givenAnUnknownName_visitorsSeeTheNoSuchSitePage() throws Exception {
    Http.Response response = Http.get(nginx.port(), "nobody-here.berth.localhost");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body()).contains("There is no site at this address");
  }

  @Test
  void givenARemovedRoute_theNameIsUnknownAgain() throws Exception {
    try (Backend site = Backend.start("short-lived")) {
      proxy.ensureRoute(new RouteSpec(5, "gone", site.port()));
      Http.get(nginx.port(), "gone.berth.localhost");

      proxy.removeRoute(5);

      Http.Response response = Http.get(nginx.port(), "gone.berth.localhost");
      assertThat(response.status()).isEqualTo(404);
      assertThat(response.body()).contains("There is no site at this address");
      assertThat(nginx.sites().resolve("site-5.conf")).doesNotExist();

      proxy.removeRoute(5);
      proxy.removeRoute(999);
      assertThat(Http.get(nginx.port(), "gone.berth.localhost").status()).isEqualTo(404);
    }
  }

  @Test
  void theSiteSeesTheVisitorsHostAndAddress() throws Exception {
    try (Backend site = Backend.start("headers")) {
      proxy.ensureRoute(new RouteSpec(6, "headers", site.port()));
      Http.get(nginx.port(), "headers.berth.localhost");

      String host = "headers.berth.localhost:" + nginx.port();
      Http.Response response = Http.request("GET", nginx.port(), host, "/", Map.of());

      assertThat(response.status()).isEqualTo(200);
      var seen = site.lastRequestHeaders();
      assertThat(seen.getFirst("Host")).isEqualTo(host);
      assertThat(seen.getFirst("X-Real-IP")).isEqualTo("127.0.0.1");
      assertThat(seen.getFirst("X-Forwarded-For")).isEqualTo("127.0.0.1");
      assertThat(seen.getFirst("X-Forwarded-Proto")).isEqualTo("http");
    }
  }

  @Test
  void aWebSocketConnectionIsCarriedBothWays() throws Exception {
    try (EchoUpgradeBackend site = new EchoUpgradeBackend()) {
      proxy.ensureRoute(new RouteSpec(7, "chat", site.port()));

      try (Socket socket = Http.connect(nginx.port())) {
        OutputStream out = socket.getOutputStream();
        out.write(
            ("GET /socket HTTP/1.1\r\nHost: chat.berth.localhost\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        InputStream in = socket.getInputStream();

        Http.Response handshake = Http.readHead(in);
        assertThat(handshake.status()).isEqualTo(101);
        assertThat(handshake.header("Upgrade")).isEqualTo("websocket");

        out.write("ping\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        assertThat(new String(in.readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("ping\n");
      }
    }
  }

  @Test
  void theLongestAllowedNameIsServed() throws Exception {
    String name = "l" + "o".repeat(38) + "g";
    assertThat(name).hasSize(40);
    try (Backend site = Backend.start("long name")) {
      proxy.ensureRoute(new RouteSpec(8, name, site.port()));

      assertThat(Http.get(nginx.port(), name + ".berth.localhost").body()).isEqualTo("long name");
    }
  }

  @Test
  void theHostnameIsTheSiteNameUnderTheSitesDomain() {
    assertThat(proxy.hostname("myblog")).isEqualTo("myblog.berth.localhost");
  }
}
