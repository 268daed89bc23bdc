package io.berth.activities.docker;

import static io.berth.activities.docker.DockerFixture.SMALL;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.workflows.site.ContainerSpec;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Customers cannot reach each other's containers: each has its own bridge network, and the engine
 * drops traffic between two such networks. A second site of the same customer can reach the first
 * one over their shared network, which shows the probe itself works.
 */
class DockerIsolationIT {

  private static final int APP_PORT = 8080;

  private DockerFixture fixture;

  @BeforeAll
  static void images() throws Exception {
    DockerFixture.buildImages();
  }

  @BeforeEach
  void setUp() {
    fixture = new DockerFixture();
  }

  @AfterEach
  void tearDown() throws IOException {
    fixture.close();
  }

  @Test
  void givenTwoCustomers_theirContainersCannotConnectToEachOther_butSitesOfOneCustomerCan()
      throws Exception {
    long customerA = fixture.newCustomerId();
    long customerB = fixture.newCustomerId();
    long siteA1 = fixture.newSiteId();
    long siteA2 = fixture.newSiteId();
    long siteB1 = fixture.newSiteId();
    ContainerSpec b1 = fixture.staticSite(siteB1, customerB, "bravo-" + siteB1, SMALL);
    fixture.runtime.ensureContainer(
        fixture.staticSite(siteA1, customerA, "alpha-" + siteA1, SMALL));
    fixture.runtime.ensureContainer(
        fixture.staticSite(siteA2, customerA, "alpha-" + siteA2, SMALL));
    fixture.runtime.ensureContainer(b1);

    String networkA = DockerNames.network(customerA);
    String networkB = DockerNames.network(customerB);
    String ipA1 = fixture.ipOn(siteA1, networkA);
    String ipB1 = fixture.ipOn(siteB1, networkB);
    String a1 = DockerNames.container(siteA1);
    String a2 = DockerNames.container(siteA2);
    String containerB1 = DockerNames.container(siteB1);

    // Positive control: same customer, same network.
    assertThat(fixture.canConnect(a2, ipA1, APP_PORT))
        .as("A's second site reaches A's first site at %s", ipA1)
        .isTrue();

    assertThat(fixture.canConnect(a1, ipB1, APP_PORT))
        .as("A's site reaches B's site at %s on B's network", ipB1)
        .isFalse();
    assertThat(fixture.canConnect(containerB1, ipA1, APP_PORT))
        .as("B's site reaches A's site at %s on A's network", ipA1)
        .isFalse();

    // Nor through the host: B's published port listens on the host's loopback only.
    String gatewayA = fixture.gatewayOn(siteA1, networkA);
    assertThat(fixture.canConnect(a1, gatewayA, b1.hostPort()))
        .as("A's site reaches B's published port via the host at %s", gatewayA)
        .isFalse();
    assertThat(fixture.get(b1.hostPort(), "/").statusCode())
        .as("B's site answers on the host's loopback")
        .isEqualTo(200);

    assertThat(fixture.inspect(siteA1).getNetworkSettings().getNetworks())
        .containsOnlyKeys(networkA);
    assertThat(fixture.inspect(siteB1).getNetworkSettings().getNetworks())
        .containsOnlyKeys(networkB);
  }
}
