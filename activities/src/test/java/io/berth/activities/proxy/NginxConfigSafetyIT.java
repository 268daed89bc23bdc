package io.berth.activities.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.berth.activities.common.PermanentException;
import io.berth.workflows.common.FailureType;
import io.berth.workflows.common.SiteNames;
import io.berth.workflows.domain.DomainRoute;
import io.berth.workflows.site.RouteSpec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nothing unvalidated reaches nginx's config, a config nginx rejects never replaces a working one,
 * and changes from several callers do not trample each other.
 */
class NginxConfigSafetyIT {

  private static NginxInstance nginx;
  private static NginxReverseProxy proxy;
  private static Backend site;

  @BeforeAll
  static void startNginxWithOneSite() throws Exception {
    nginx = NginxInstance.start();
    proxy = nginx.proxy();
    site = Backend.start("existing site");
    proxy.ensureRoute(new RouteSpec(100, "existing", site.port()));
    Http.get(nginx.port(), "existing.berth.localhost");
  }

  @AfterAll
  static void stopNginx() throws Exception {
    if (site != null) {
      site.close();
    }
    if (nginx != null) {
      nginx.close();
    }
  }

  static Stream<String> badNames() {
    return Stream.of(
        "a;b",
        "../x",
        "UPPER",
        "a".repeat(41),
        "-lead",
        "trail-",
        "a b",
        "x\ny",
        "ab",
        "",
        "   ",
        "a--b",
        "admin",
        "blog;}server{listen 80",
        "blog.example.com",
        "caf\u00e9");
  }

  @ParameterizedTest
  @MethodSource("badNames")
  @NullSource
  void givenABadSiteName_itIsRefusedAndTheConfigIsUntouched(String name) throws Exception {
    Map<String, String> before = nginx.configSnapshot();

    PermanentException refused =
        assertThrows(
            PermanentException.class,
            () -> proxy.ensureRoute(new RouteSpec(101, name, site.port())));

    assertThat(refused.type()).isEqualTo(FailureType.INVALID_INPUT);
    assertThat(refused.getMessage()).isNotBlank().isEqualTo(SiteNames.problem(name).orElseThrow());
    assertThat(nginx.configSnapshot()).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 80, 1023, 65536, Integer.MAX_VALUE})
  void givenABadPort_itIsRefusedAndTheConfigIsUntouched(int port) throws Exception {
    Map<String, String> before = nginx.configSnapshot();

    PermanentException refused =
        assertThrows(
            PermanentException.class, () -> proxy.ensureRoute(new RouteSpec(102, "porty", port)));

    assertThat(refused.type()).isEqualTo(FailureType.INVALID_INPUT);
    assertThat(refused.getMessage()).contains("between 1024 and 65535").contains("" + port);
    assertThat(nginx.configSnapshot()).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -7})
  void givenABadSiteId_itIsRefusedAndTheConfigIsUntouched(long siteId) throws Exception {
    Map<String, String> before = nginx.configSnapshot();

    assertThatThrownBy(() -> proxy.ensureRoute(new RouteSpec(siteId, "valid", site.port())))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> assertThat(e.type()).isEqualTo(FailureType.INVALID_INPUT));
    assertThatThrownBy(() -> proxy.removeRoute(siteId)).isInstanceOf(PermanentException.class);
    assertThat(nginx.configSnapshot()).isEqualTo(before);
  }

  @Test
  void givenANameAnotherSiteUses_itIsRefusedAsAConflict() throws Exception {
    Map<String, String> before = nginx.configSnapshot();

    PermanentException refused =
        assertThrows(
            PermanentException.class,
            () -> proxy.ensureRoute(new RouteSpec(103, "existing", site.port())));

    assertThat(refused.type()).isEqualTo(FailureType.CONFLICT);
    assertThat(refused.getMessage())
        .isEqualTo("The name existing is already in use by another site");
    assertThat(nginx.configSnapshot()).isEqualTo(before);
    assertThat(Http.get(nginx.port(), "existing.berth.localhost").body())
        .isEqualTo("existing site");
  }

  @Test
  void givenAConfigNginxRejects_theRouteBeforeIsKept() throws Exception {
    try (Backend other = Backend.start("other port")) {
      Path broken = nginx.sites().resolve("zz-broken.conf");
      Files.writeString(broken, "this_is_not_nginx on;\n");
      try {
        Map<String, String> before = nginx.configSnapshot();

        PermanentException refused =
            assertThrows(
                PermanentException.class,
                () -> proxy.ensureRoute(new RouteSpec(100, "existing", other.port())));

        assertThat(refused.type()).isEqualTo(FailureType.INVALID_INPUT);
        assertThat(refused.getMessage())
            .contains("unknown directive \"this_is_not_nginx\"")
            .contains("zz-broken.conf");
        assertThat(nginx.configSnapshot()).isEqualTo(before);
        assertThat(Http.get(nginx.port(), "existing.berth.localhost").body())
            .isEqualTo("existing site");
      } finally {
        Files.delete(broken);
      }
    }
  }

  @Test
  void givenAConfigNginxRejects_aNewRouteIsNotAdded() throws Exception {
    Path broken = nginx.sites().resolve("zz-broken.conf");
    Files.writeString(broken, "server { listen 127.0.0.1:" + nginx.port() + " bogus_flag; }\n");
    try {
      Map<String, String> before = nginx.configSnapshot();

      PermanentException refused =
          assertThrows(
              PermanentException.class,
              () -> proxy.ensureRoute(new RouteSpec(104, "newcomer", site.port())));

      assertThat(refused.getMessage()).contains("bogus_flag").contains("zz-broken.conf");
      assertThat(nginx.configSnapshot()).isEqualTo(before);
      assertThat(nginx.sites().resolve("site-104.conf")).doesNotExist();

      assertThrows(PermanentException.class, () -> proxy.removeRoute(100));
      assertThat(nginx.configSnapshot()).isEqualTo(before);
    } finally {
      Files.delete(broken);
    }
    assertThat(Http.get(nginx.port(), "newcomer.berth.localhost").status()).isEqualTo(404);
    assertThat(Http.get(nginx.port(), "existing.berth.localhost").body())
        .isEqualTo("existing site");
  }

  @Test
  void givenAReloadFails_aRetryReloads() throws Exception {
    Path pid = nginx.prefix().resolve("nginx.pid");
    Path aside = nginx.prefix().resolve("nginx.pid.aside");
    RouteSpec route = new RouteSpec(105, "retried", site.port());
    Files.move(pid, aside);
    try {
      assertThatThrownBy(() -> proxy.ensureRoute(route))
          .isNotInstanceOf(PermanentException.class)
          .hasMessageContaining("nginx did not reload")
          .hasMessageContaining("nginx.pid");
    } finally {
      Files.move(aside, pid, StandardCopyOption.ATOMIC_MOVE);
    }
    assertThat(Http.get(nginx.port(), "retried.berth.localhost").status()).isEqualTo(404);

    proxy.ensureRoute(route);

    assertThat(Http.get(nginx.port(), "retried.berth.localhost").body()).isEqualTo("existing site");
    assertThat(nginx.siteFileNames()).noneMatch(name -> name.startsWith(".site-"));
  }

  @Test
  void givenACrashLeftAnUncheckedFile_theNextChangeRollsItBack() throws Exception {
    // The state a worker leaves when it dies between writing site 106's file and nginx -t.
    Files.writeString(nginx.sites().resolve(".site-106.absent"), "");
    Files.writeString(nginx.sites().resolve("site-106.conf"), "server { half written");

    proxy.ensureRoute(new RouteSpec(107, "afterwards", site.port()));

    assertThat(Http.get(nginx.port(), "afterwards.berth.localhost").body())
        .isEqualTo("existing site");
    assertThat(nginx.sites().resolve("site-106.conf")).doesNotExist();
    assertThat(nginx.siteFileNames()).noneMatch(name -> name.startsWith(".site-"));
  }

  @Test
  void givenACrashLeftAnUncheckedDomainFile_theNextChangeRollsItBack() throws Exception {
    // The state a worker leaves when it dies between writing domain 9's file and nginx -t.
    Files.writeString(nginx.sites().resolve(".domain-9.absent"), "");
    Files.writeString(nginx.sites().resolve("domain-9.conf"), "server { half written");

    proxy.ensureDomainRoute(new DomainRoute(10, 100, List.of("after-crash.test"), site.port()));

    assertThat(Http.get(nginx.port(), "after-crash.test").body()).isEqualTo("existing site");
    assertThat(nginx.sites().resolve("domain-9.conf")).doesNotExist();
    assertThat(nginx.siteFileNames()).noneMatch(name -> name.startsWith(".domain-"));
  }

  @Test
  void givenAConfigNginxRejects_aNewDomainRouteIsNotAdded() throws Exception {
    Path broken = nginx.sites().resolve("zz-broken.conf");
    Files.writeString(broken, "this_is_not_nginx on;\n");
    try {
      Map<String, String> before = nginx.configSnapshot();

      PermanentException refused =
          assertThrows(
              PermanentException.class,
              () ->
                  proxy.ensureDomainRoute(
                      new DomainRoute(11, 100, List.of("rejected.test"), site.port())));

      assertThat(refused.type()).isEqualTo(FailureType.INVALID_INPUT);
      assertThat(refused.getMessage())
          .contains("nginx rejected the configuration for rejected.test")
          .contains("zz-broken.conf");
      assertThat(nginx.configSnapshot()).isEqualTo(before);
    } finally {
      Files.delete(broken);
    }
    assertThat(Http.get(nginx.port(), "rejected.test").status()).isEqualTo(404);
  }

  @Test
  void givenAnotherProcessHoldsTheLock_aChangeWaitsForIt() throws Exception {
    Path lock = nginx.sites().resolve(".lock");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classes =
        Path.of(LockHolder.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString();
    Process holder =
        new ProcessBuilder(java, "-cp", classes, LockHolder.class.getName(), lock.toString())
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader output =
          new BufferedReader(
              new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertThat(output.readLine()).isEqualTo("locked");

      CompletableFuture<Void> change =
          CompletableFuture.runAsync(
              () -> proxy.ensureRoute(new RouteSpec(108, "patient", site.port())));
      Thread.sleep(1500);
      assertThat(change).isNotDone();
      assertThat(nginx.sites().resolve("site-108.conf")).doesNotExist();

      holder.getOutputStream().write('\n');
      holder.getOutputStream().close();
      change.get(30, TimeUnit.SECONDS);
      assertThat(holder.waitFor(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      holder.destroyForcibly();
    }
    assertThat(Http.get(nginx.port(), "patient.berth.localhost").status()).isEqualTo(200);
  }

  @Test
  void givenConcurrentChanges_eachOneIsApplied() throws Exception {
    List<CompletableFuture<Void>> changes = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      long siteId = 110 + i;
      NginxReverseProxy ownProxy = nginx.proxy();
      changes.add(
          CompletableFuture.runAsync(
              () -> ownProxy.ensureRoute(new RouteSpec(siteId, "busy" + siteId, site.port()))));
    }
    CompletableFuture.allOf(changes.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

    for (int i = 0; i < 6; i++) {
      String host = "busy" + (110 + i) + ".berth.localhost";
      assertThat(Http.get(nginx.port(), host).body()).as(host).isEqualTo("existing site");
    }
    assertThat(nginx.siteFileNames())
        .allMatch(name -> name.equals(".lock") || name.matches("site-\\d+\\.conf"));
  }
}
