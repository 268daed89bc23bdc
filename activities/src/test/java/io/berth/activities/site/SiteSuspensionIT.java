package io.berth.activities.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import io.berth.activities.docker.ContainerRuntime;
import io.berth.activities.docker.DockerFixture;
import io.berth.activities.docker.DockerNames;
import io.berth.activities.domain.DomainRouteActivitiesImpl;
import io.berth.activities.proxy.NginxInstance;
import io.berth.activities.proxy.ReverseProxy;
import io.berth.activities.testing.DockerLeftovers;
import io.berth.activities.testing.PlatformRows;
import io.berth.workflows.common.PlanLimits;
import io.berth.workflows.domain.DomainRoute;
import io.berth.workflows.site.SiteAction;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A running site suspended and resumed with the host activities in the order the site workflow
 * calls them (route first, then the container; on resume the container first, then the route), on
 * the real engine and a real nginx, checked with curl and docker inspect as a visitor and an
 * operator would.
 */
@SpringBootTest(classes = SiteActivitiesContext.class)
@DirtiesContext
class SiteSuspensionIT {

  static final PlanLimits STARTER = new PlanLimits(500, 256, 5120, 3);

  private static NginxInstance nginx;

  @BeforeAll
  static void imagesAndProxy() throws Exception {
    DockerFixture.buildImages();
    nginx = NginxInstance.start();
  }

  @AfterAll
  static void stopProxy() throws Exception {
    if (nginx != null) {
      nginx.close();
    }
  }

  @DynamicPropertySource
  static void freshDatabaseAndPrivateProxy(DynamicPropertyRegistry properties) throws Exception {
    SiteActivitiesContext.freshDatabaseAndPrivateProxy(
        properties, "berth_site_suspension_it", 2, () -> nginx);
  }

  @Autowired SiteHostActivitiesImpl host;
  @Autowired ContainerRuntime containers;
  @Autowired ReverseProxy proxy;
  @Autowired DockerClient docker;
  @Autowired JdbcClient jdbc;

  private PlatformRows rows;

  @BeforeEach
  void setUp() {
    rows = new PlatformRows(jdbc);
  }

  @AfterEach
  void removeSites() {
    for (long site : rows.sites) {
      proxy.removeRoute(site);
    }
    DockerLeftovers.remove(docker, rows);
  }

  @Test
  void givenARunningSite_suspendingStopsItBehindTheSuspendedPage_andResumingBringsTheSameSiteBack()
      throws Exception {
    LiveStaticSite site = LiveStaticSite.provision(host, rows, STARTER);
    site.writeFile(containers, "menu.html", "<h1>Today: soup of the harbour</h1>\n");
    String hostname = proxy.hostname(site.name);
    Curl.Response front = Curl.getWhenServed(nginx.port(), hostname, "/");
    Curl.Response menu = Curl.get(nginx.port(), hostname, "/menu.html");
    assertThat(front.status()).isEqualTo(200);
    assertThat(menu.status()).isEqualTo(200);
    assertThat(menu.text()).isEqualTo("<h1>Today: soup of the harbour</h1>\n");
    String containerId = inspect(site).getId();

    // As SiteWorkflowImpl.suspend: the page first, so no visitor meets a stopped container.
    host.ensureRoute(site.route().asSuspended(true));
    host.changeContainerState(site.id, SiteAction.STOP);

    for (String path : List.of("/", "/menu.html")) {
      Curl.Response suspended = Curl.get(nginx.port(), hostname, path);
      assertThat(suspended.status()).as(path).isEqualTo(503);
      assertThat(suspended.header("Retry-After")).as(path).isEqualTo("3600");
      assertThat(suspended.header("Content-Type")).as(path).startsWith("text/html");
      assertThat(suspended.text())
          .as(path)
          .contains("This site is suspended")
          .contains("settle the open invoice under Billing in your Berth control panel")
          .doesNotContain("soup of the harbour")
          .doesNotContain(site.name);
    }
    InspectContainerResponse stopped = inspect(site);
    assertThat(stopped.getState().getRunning()).isFalse();
    assertThat(stopped.getState().getStatus()).isEqualTo("exited");

    // As SiteWorkflowImpl.resume: the container first, then the site's own route.
    host.changeContainerState(site.id, SiteAction.START);
    host.ensureRoute(site.route());

    Curl.Response frontAgain = Curl.getWhenServed(nginx.port(), hostname, "/");
    assertThat(frontAgain.status()).isEqualTo(200);
    assertThat(frontAgain.body()).isEqualTo(front.body());
    Curl.Response menuAgain = Curl.get(nginx.port(), hostname, "/menu.html");
    assertThat(menuAgain.status()).isEqualTo(200);
    assertThat(menuAgain.body()).isEqualTo(menu.body());
    InspectContainerResponse resumed = inspect(site);
    assertThat(resumed.getId()).isEqualTo(containerId);
    assertThat(resumed.getState().getRunning()).isTrue();
  }

  @Test
  void givenASuspendedSite_suspendingAgainChangesNothing_andItsDomainShowsTheSuspendedPageToo()
      throws Exception {
    LiveStaticSite site = LiveStaticSite.provision(host, rows, STARTER);
    String domain = site.name + ".test";
    DomainRouteActivitiesImpl domainRoutes = new DomainRouteActivitiesImpl(proxy);
    long domainId = site.id;
    domainRoutes.ensureDomainRoute(
        new DomainRoute(domainId, site.id, List.of(domain, "www." + domain), site.port));
    Curl.Response before = Curl.getWhenServed(nginx.port(), "www." + domain, "/");
    assertThat(before.status()).isEqualTo(200);

    for (int time = 1; time <= 2; time++) {
      host.ensureRoute(site.route().asSuspended(true));
      host.changeContainerState(site.id, SiteAction.STOP);
    }

    for (String name : List.of(domain, "www." + domain, proxy.hostname(site.name))) {
      Curl.Response suspended = Curl.get(nginx.port(), name, "/");
      assertThat(suspended.status()).as(name).isEqualTo(503);
      assertThat(suspended.text()).as(name).contains("This site is suspended");
    }
    assertThat(inspect(site).getState().getRunning()).isFalse();

    host.changeContainerState(site.id, SiteAction.START);
    host.ensureRoute(site.route());

    Curl.Response after = Curl.getWhenServed(nginx.port(), "www." + domain, "/");
    assertThat(after.status()).isEqualTo(200);
    assertThat(after.body()).isEqualTo(before.body());
    domainRoutes.removeDomainRoute(domainId);
  }

  private InspectContainerResponse inspect(LiveStaticSite site) {
    return docker.inspectContainerCmd(DockerNames.container(site.id)).exec();
  }
}
