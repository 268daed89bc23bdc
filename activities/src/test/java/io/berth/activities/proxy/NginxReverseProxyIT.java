package io.berth.activities.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.berth.activities.common.PermanentException;
import io.berth.workflows.common.FailureType;
import io.berth.workflows.domain.DomainRoute;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
                  "--noproxy",
                  "*",
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
          .allMatch(
              name ->
                  name.equals(".lock")
                      || name.matches("(site|domain)-\\d+\\.conf")
                      || name.matches("site-\\d+\\.suspended"));
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
  void givenASuspendedSite_visitorsSeeTheSuspendedPageAndNeverTheSite_untilItIsLiveAgain()
      throws Exception {
    try (Backend site = Backend.start("open for business")) {
      RouteSpec route = new RouteSpec(9, "unpaid", site.port());
      proxy.ensureRoute(route);
      assertThat(Http.get(nginx.port(), "unpaid.berth.localhost").body())
          .isEqualTo("open for business");
      int reached = site.requests();
      nginx.challenges().publish(Map.of("suspended-token", "suspended-token.key"));

      proxy.ensureRoute(route.asSuspended(true));

      for (String method : List.of("GET", "POST", "HEAD")) {
        Http.Response suspended =
            Http.request(method, nginx.port(), "unpaid.berth.localhost", "/wp-admin/", Map.of());
        assertThat(suspended.status()).as(method).isEqualTo(503);
        assertThat(suspended.header("Retry-After")).as(method).isEqualTo("3600");
        assertThat(suspended.header("Cache-Control")).as(method).isEqualTo("no-store");
        assertThat(suspended.header("Content-Type")).as(method).startsWith("text/html");
        if (!method.equals("HEAD")) {
          assertThat(suspended.body())
              .as(method)
              .contains("This site is suspended")
              .contains("settle the open invoice")
              .doesNotContain("open for business")
              .doesNotContain("nginx");
        }
      }
      assertThat(site.requests()).as("requests that reached the site").isEqualTo(reached);
      Http.Response challenge =
          Http.request(
              "GET",
              nginx.port(),
              "unpaid.berth.localhost",
              "/.well-known/acme-challenge/suspended-token",
              Map.of());
      assertThat(challenge.status()).isEqualTo(200);
      assertThat(challenge.body()).isEqualTo("suspended-token.key");
      assertThat(nginx.sites().resolve("site-9.suspended")).exists();
      assertThat(Files.readString(nginx.sites().resolve("site-9.conf")))
          .doesNotContain("proxy_pass");

      proxy.ensureRoute(route);

      Http.Response back = Http.get(nginx.port(), "unpaid.berth.localhost");
      assertThat(back.status()).isEqualTo(200);
      assertThat(back.body()).isEqualTo("open for business");
      assertThat(nginx.sites().resolve("site-9.suspended")).doesNotExist();
      assertThat(nginx.siteFileNames()).noneMatch(name -> name.startsWith(".site-9"));
      nginx.challenges().withdraw(List.of("suspended-token"));
    }
  }

  @Test
  void givenTheSameSuspendedRouteTwice_itDoesNotReload() throws Exception {
    RouteSpec suspended = new RouteSpec(10, "unpaid-twice", 20010).asSuspended(true);
    proxy.ensureRoute(suspended);
    Map<String, String> config = nginx.configSnapshot();
    Set<Long> workers = nginx.awaitSettledWorkers();

    proxy.ensureRoute(suspended);

    Thread.sleep(300);
    assertThat(nginx.workerPids()).as("nginx workers (a reload replaces them)").isEqualTo(workers);
    assertThat(nginx.configSnapshot()).isEqualTo(config);
    assertThat(Http.get(nginx.port(), "unpaid-twice.berth.localhost").status()).isEqualTo(503);
  }

  @Test
  void givenASuspendedSitesRouteRemoved_itsNameIsUnknownAndItsMarkGone() throws Exception {
    proxy.ensureRoute(new RouteSpec(11, "unpaid-gone", 20011).asSuspended(true));
    assertThat(Http.get(nginx.port(), "unpaid-gone.berth.localhost").status()).isEqualTo(503);

    proxy.removeRoute(11);

    assertThat(Http.get(nginx.port(), "unpaid-gone.berth.localhost").status()).isEqualTo(404);
    assertThat(nginx.siteFileNames()).noneMatch(name -> name.contains("site-11"));
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
  void givenADomainRoute_theDomainAndWwwServeTheSiteBesideItsOwnName() throws Exception {
    try (Backend site = Backend.start("hello from shop")) {
      proxy.ensureRoute(new RouteSpec(20, "shop", site.port()));

      proxy.ensureDomainRoute(
          new DomainRoute(41, 20, List.of("example.test", "www.example.test"), site.port()));

      for (String host : List.of("example.test", "www.example.test", "shop.berth.localhost")) {
        Http.Response response = Http.get(nginx.port(), host);
        assertThat(response.status()).as(host).isEqualTo(200);
        assertThat(response.body()).as(host).isEqualTo("hello from shop");
      }
      assertThat(site.lastRequestHeaders().getFirst("Host")).isEqualTo("shop.berth.localhost");
      Http.get(nginx.port(), "www.example.test");
      assertThat(site.lastRequestHeaders().getFirst("Host")).isEqualTo("www.example.test");
      assertThat(Files.readString(nginx.sites().resolve("domain-41.conf")))
          .startsWith("# Domain 41 \u2192 site 20, written by Berth's worker")
          .contains("server_name example.test www.example.test;")
          .contains("proxy_pass http://127.0.0.1:" + site.port() + ";");
      assertThat(Files.readString(nginx.sites().resolve("site-20.conf")))
          .contains("server_name shop.berth.localhost;");
    }
  }

  @Test
  void givenTheSameDomainRouteTwice_itDoesNotReload() throws Exception {
    try (Backend site = Backend.start("domain twice")) {
      DomainRoute route =
          new DomainRoute(42, 21, List.of("twice.test", "www.twice.test"), site.port());
      proxy.ensureDomainRoute(route);
      Path file = nginx.sites().resolve("domain-42.conf");
      String content = Files.readString(file);
      FileTime written = Files.getLastModifiedTime(file);
      Set<Long> workers = nginx.awaitSettledWorkers();

      proxy.ensureDomainRoute(route);

      Thread.sleep(300);
      assertThat(nginx.workerPids())
          .as("nginx workers (a reload replaces them)")
          .isEqualTo(workers);
      assertThat(Files.readString(file)).isEqualTo(content);
      assertThat(Files.getLastModifiedTime(file)).isEqualTo(written);
      assertThat(nginx.siteFileNames()).noneMatch(name -> name.startsWith(".domain-"));
      assertThat(Http.get(nginx.port(), "www.twice.test").body()).isEqualTo("domain twice");
    }
  }

  @Test
  void givenARemovedDomainRoute_itsNamesAreUnknownAgainAndTheSiteStillAnswers() throws Exception {
    try (Backend site = Backend.start("still here")) {
      proxy.ensureRoute(new RouteSpec(22, "keeper", site.port()));
      proxy.ensureDomainRoute(
          new DomainRoute(43, 22, List.of("leaving.test", "www.leaving.test"), site.port()));
      assertThat(Http.get(nginx.port(), "leaving.test").body()).isEqualTo("still here");

      proxy.removeDomainRoute(43);

      for (String host : List.of("leaving.test", "www.leaving.test")) {
        Http.Response response = Http.get(nginx.port(), host);
        assertThat(response.status()).as(host).isEqualTo(404);
        assertThat(response.body()).as(host).contains("There is no site at this address");
      }
      assertThat(nginx.sites().resolve("domain-43.conf")).doesNotExist();
      assertThat(Http.get(nginx.port(), "keeper.berth.localhost").body()).isEqualTo("still here");
      proxy.removeDomainRoute(43);
      proxy.removeDomainRoute(999);
    }
  }

  @Test
  void givenTheAttachedSiteStops_visitorsOfTheDomainSeeTheStoppedPage() throws Exception {
    Backend site = Backend.start("running");
    proxy.ensureDomainRoute(new DomainRoute(44, 23, List.of("napping.test"), site.port()));
    assertThat(Http.get(nginx.port(), "napping.test").body()).isEqualTo("running");

    site.close();

    Http.Response stopped = Http.get(nginx.port(), "napping.test");
    assertThat(stopped.status()).isEqualTo(503);
    assertThat(stopped.header("Retry-After")).isEqualTo("30");
    assertThat(stopped.body()).contains("This site is stopped");
  }

  @Test
  void givenTheAttachedSiteIsSuspended_visitorsOfTheDomainSeeTheSuspendedPage() throws Exception {
    try (Backend site = Backend.start("shop is open")) {
      RouteSpec route = new RouteSpec(27, "unpaid-shop", site.port());
      proxy.ensureRoute(route);
      proxy.ensureDomainRoute(
          new DomainRoute(49, 27, List.of("unpaid.test", "www.unpaid.test"), site.port()));
      assertThat(Http.get(nginx.port(), "unpaid.test").body()).isEqualTo("shop is open");
      int reached = site.requests();

      proxy.ensureRoute(route.asSuspended(true));

      for (String host : List.of("unpaid.test", "www.unpaid.test")) {
        Http.Response suspended = Http.get(nginx.port(), host);
        assertThat(suspended.status()).as(host).isEqualTo(503);
        assertThat(suspended.header("Retry-After")).as(host).isEqualTo("3600");
        assertThat(suspended.body()).as(host).contains("This site is suspended");
      }
      assertThat(site.requests()).as("requests that reached the site").isEqualTo(reached);

      proxy.ensureRoute(route);

      assertThat(Http.get(nginx.port(), "www.unpaid.test").body()).isEqualTo("shop is open");
    }
  }

  @Test
  void givenADomainAttachedWhileItsSiteIsSuspended_itShowsTheSuspendedPageFromTheStart()
      throws Exception {
    try (Backend site = Backend.start("later")) {
      proxy.ensureRoute(new RouteSpec(28, "unpaid-late", site.port()).asSuspended(true));

      proxy.ensureDomainRoute(new DomainRoute(50, 28, List.of("late.test"), site.port()));

      Http.Response suspended = Http.get(nginx.port(), "late.test");
      assertThat(suspended.status()).isEqualTo(503);
      assertThat(suspended.body()).contains("This site is suspended");
      assertThat(site.requests()).isZero();
    }
  }

  @Test
  void givenANameAnotherDomainRouteServes_itIsRefusedAsAConflict() throws Exception {
    try (Backend site = Backend.start("first owner")) {
      proxy.ensureDomainRoute(new DomainRoute(45, 24, List.of("taken.test"), site.port()));
      Map<String, String> before = nginx.configSnapshot();

      PermanentException refused =
          assertThrows(
              PermanentException.class,
              () ->
                  proxy.ensureDomainRoute(
                      new DomainRoute(46, 25, List.of("other.test", "taken.test"), site.port())));

      assertThat(refused.type()).isEqualTo(FailureType.CONFLICT);
      assertThat(refused.getMessage())
          .isEqualTo("taken.test is already served by another site or domain on this host.");
      assertThat(nginx.configSnapshot()).isEqualTo(before);
      assertThat(Http.get(nginx.port(), "taken.test").body()).isEqualTo("first owner");
    }
  }

  static Stream<Arguments> badDomainRoutes() {
    List<String> ok = List.of("fine.test");
    return Stream.of(
        Arguments.of(List.of("Example.test"), "must be written as 'example.test'"),
        Arguments.of(List.of("example.test."), "must be written as 'example.test'"),
        Arguments.of(List.of(" example.test"), "must be written as 'example.test'"),
        Arguments.of(List.of("a;b.test"), "contains ';'"),
        Arguments.of(List.of("evil.test; include /etc/passwd"), "contains ';'"),
        Arguments.of(List.of("exa mple.test"), "contains a space"),
        Arguments.of(List.of("x\ny.test"), "control character"),
        Arguments.of(List.of("b\u00fccher.test"), "punycode"),
        Arguments.of(List.of("under_score.test"), "underscores"),
        Arguments.of(List.of("*.example.test"), "contains '*'"),
        Arguments.of(List.of("a..b.test"), "empty label"),
        Arguments.of(List.of("-lead.test"), "starts or ends with '-'"),
        Arguments.of(List.of("localhost"), "needs at least two labels"),
        Arguments.of(List.of("a".repeat(64) + ".test"), "at most 63"),
        Arguments.of(List.of(""), "Host name is empty"),
        Arguments.of(List.of(), "at least one host name"),
        Arguments.of(null, "at least one host name"),
        Arguments.of(List.of("shop.berth.localhost"), "platform's own domain berth.localhost"),
        Arguments.of(List.of("berth.localhost"), "platform's own domain"),
        Arguments.of(List.of("fine.test", "fine.test"), "listed twice"),
        Arguments.of(ok, "A site's port must be between 1024 and 65535, not 80."));
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @MethodSource("badDomainRoutes")
  void givenABadDomainRoute_itIsRefusedAndNoFileIsWritten(List<String> hostnames, String fragment)
      throws Exception {
    Map<String, String> before = nginx.configSnapshot();
    int port = fragment.contains("port") ? 80 : 20000;

    PermanentException refused =
        assertThrows(
            PermanentException.class,
            () -> proxy.ensureDomainRoute(new DomainRoute(47, 26, hostnames, port)));

    assertThat(refused.type()).isEqualTo(FailureType.INVALID_INPUT);
    assertThat(refused.getMessage()).contains(fragment);
    assertThat(nginx.configSnapshot()).isEqualTo(before);
    assertThat(nginx.sites().resolve("domain-47.conf")).doesNotExist();
  }

  @Test
  void givenABadDomainOrSiteId_itIsRefused() throws Exception {
    Map<String, String> before = nginx.configSnapshot();

    assertThatThrownBy(
            () -> proxy.ensureDomainRoute(new DomainRoute(0, 1, List.of("zero.test"), 20000)))
        .hasMessageContaining("A domain id is a positive number, not 0.");
    assertThatThrownBy(
            () -> proxy.ensureDomainRoute(new DomainRoute(48, -1, List.of("neg.test"), 20000)))
        .hasMessageContaining("A site id is a positive number, not -1.");
    assertThatThrownBy(() -> proxy.removeDomainRoute(-3)).isInstanceOf(PermanentException.class);
    assertThatThrownBy(() -> proxy.ensureDomainRoute(null))
        .hasMessageContaining("A domain route is required.");
    assertThat(nginx.configSnapshot()).isEqualTo(before);
  }

  @Test
  void theHostnameIsTheSiteNameUnderTheSitesDomain() {
    assertThat(proxy.hostname("myblog")).isEqualTo("myblog.berth.localhost");
  }
}
