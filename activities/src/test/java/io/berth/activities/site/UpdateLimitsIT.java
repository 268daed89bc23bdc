package io.berth.activities.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.HostConfig;
import io.berth.activities.common.PermanentException;
import io.berth.activities.docker.ContainerRuntime;
import io.berth.activities.docker.DockerFixture;
import io.berth.activities.docker.DockerNames;
import io.berth.activities.proxy.NginxInstance;
import io.berth.activities.proxy.ReverseProxy;
import io.berth.activities.testing.DockerLeftovers;
import io.berth.activities.testing.PlatformRows;
import io.berth.workflows.common.FailureType;
import io.berth.workflows.common.PlanLimits;
import io.berth.workflows.site.ContainerSpec;
import io.berth.workflows.site.SiteAction;
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
 * A plan change reaching a live site's container: {@code updateLimits} as the site workflow calls
 * it, on the real engine, seen with docker inspect, the site checked through a real nginx.
 */
@SpringBootTest(classes = SiteActivitiesContext.class)
@DirtiesContext
class UpdateLimitsIT {

  static final PlanLimits STARTER = new PlanLimits(500, 256, 5120, 3);
  static final PlanLimits BUSINESS = new PlanLimits(2000, 1024, 20480, 10);

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
        properties, "berth_update_limits_it", 2, () -> nginx);
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
  void givenARunningSite_anUpgradeAndADowngradeChangeItsLimitsInPlace_andItKeepsServingItsFiles()
      throws Exception {
    LiveStaticSite site = LiveStaticSite.provision(host, rows, STARTER);
    site.writeFile(containers, "prices.html", "<p>Two coffees, one price.</p>\n");
    String hostname = proxy.hostname(site.name);
    Curl.Response page = Curl.getWhenServed(nginx.port(), hostname, "/prices.html");
    InspectContainerResponse before = inspect(site);
    assertLimits(before, STARTER);

    host.updateLimits(site.container(BUSINESS));

    InspectContainerResponse upgraded = inspect(site);
    assertThat(upgraded.getId()).isEqualTo(before.getId());
    assertThat(upgraded.getState().getRunning()).isTrue();
    assertThat(upgraded.getState().getStartedAt())
        .as("not restarted")
        .isEqualTo(before.getState().getStartedAt());
    assertLimits(upgraded, BUSINESS);
    assertServes(site, hostname, page);

    host.updateLimits(site.container(STARTER));

    InspectContainerResponse downgraded = inspect(site);
    assertThat(downgraded.getId()).isEqualTo(before.getId());
    assertThat(downgraded.getState().getRunning()).isTrue();
    assertLimits(downgraded, STARTER);
    assertServes(site, hostname, page);
    assertThat(downgraded.getMounts())
        .extracting(InspectContainerResponse.Mount::getName)
        .containsExactly(DockerNames.volume(site.id));
  }

  @Test
  void givenLimitsAppliedInPlace_aLaterEnsureOfTheSameSpecKeepsThatContainer() throws Exception {
    LiveStaticSite site = LiveStaticSite.provision(host, rows, STARTER);
    String id = inspect(site).getId();

    host.updateLimits(site.container(BUSINESS));
    host.ensureContainer(site.container(BUSINESS));
    host.updateLimits(site.container(BUSINESS));

    InspectContainerResponse after = inspect(site);
    assertThat(after.getId()).isEqualTo(id);
    assertLimits(after, BUSINESS);
    assertThat(Curl.getWhenServed(nginx.port(), proxy.hostname(site.name), "/").status())
        .isEqualTo(200);
  }

  @Test
  void givenAStoppedSite_itTakesTheNewLimitsStopped_andStartsWithThem() throws Exception {
    LiveStaticSite site = LiveStaticSite.provision(host, rows, STARTER);
    site.writeFile(containers, "kept.txt", "kept while stopped\n");
    host.changeContainerState(site.id, SiteAction.STOP);
    String id = inspect(site).getId();

    host.updateLimits(site.container(BUSINESS));

    InspectContainerResponse stopped = inspect(site);
    assertThat(stopped.getState().getRunning()).isFalse();
    assertThat(stopped.getId()).isEqualTo(id);
    assertLimits(stopped, BUSINESS);

    host.changeContainerState(site.id, SiteAction.START);

    Curl.Response kept = Curl.getWhenServed(nginx.port(), proxy.hostname(site.name), "/kept.txt");
    assertThat(kept.status()).isEqualTo(200);
    assertThat(kept.text()).isEqualTo("kept while stopped\n");
    assertLimits(inspect(site), BUSINESS);
  }

  @Test
  void givenASiteWithoutAContainer_updatingItsLimitsFailsForGood_sayingWhy() {
    long customer = rows.customer();
    long site = rows.site(customer, PlatformRows.uniqueName("gone"), "static", null, 20999);
    ContainerSpec spec = new ContainerSpec(site, customer, "gone", "static", 20999, BUSINESS);

    assertThatThrownBy(() -> host.updateLimits(spec))
        .isInstanceOfSatisfying(
            PermanentException.class, e -> assertThat(e.type()).isEqualTo(FailureType.NOT_FOUND))
        .hasMessage(
            "Site "
                + site
                + " has no container (berth-site-"
                + site
                + ") on this host to give the new plan's limits; it gets them when it is set up"
                + " again");
  }

  private void assertServes(LiveStaticSite site, String hostname, Curl.Response page)
      throws Exception {
    Curl.Response now = Curl.get(nginx.port(), hostname, "/prices.html");
    assertThat(now.status()).isEqualTo(200);
    assertThat(now.body()).isEqualTo(page.body());
    assertThat(Curl.get(nginx.port(), hostname, "/").status()).isEqualTo(200);
  }

  private static void assertLimits(InspectContainerResponse container, PlanLimits plan) {
    HostConfig limits = container.getHostConfig();
    assertThat(limits.getNanoCPUs()).as("NanoCpus").isEqualTo(plan.nanoCpus());
    assertThat(limits.getMemory()).as("Memory").isEqualTo(plan.memoryBytes());
    assertThat(limits.getMemorySwap()).as("MemorySwap").isEqualTo(plan.memoryBytes());
    assertThat(limits.getPidsLimit()).as("PidsLimit").isEqualTo((long) PlanLimits.PIDS_LIMIT);
  }

  private InspectContainerResponse inspect(LiveStaticSite site) {
    return docker.inspectContainerCmd(DockerNames.container(site.id)).exec();
  }
}
