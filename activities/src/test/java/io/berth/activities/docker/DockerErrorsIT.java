package io.berth.activities.docker;

import static io.berth.activities.docker.DockerFixture.SMALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import io.berth.activities.common.PermanentException;
import io.berth.workflows.common.FailureType;
import io.berth.workflows.site.ContainerSpec;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What customers and support read when the engine, the image or the request is not right. */
class DockerErrorsIT {

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
  void givenNoEngineAtTheSocket_itFailsTransientlyWithAMessagePeopleCanRead() throws IOException {
    String endpoint = "unix:///tmp/berth-no-such-engine-" + fixture.newSiteId() + ".sock";
    try (DockerClient absent =
        DockerConfig.createClient(
            new DockerProperties(endpoint, Duration.ofSeconds(2), Duration.ofSeconds(5)))) {
      var runtime = new DockerContainerRuntime(absent, AppCatalog.withDefaults(Map.of()), endpoint);
      ContainerSpec spec =
          fixture.staticSite(fixture.newSiteId(), fixture.newCustomerId(), "nowhere", SMALL);

      assertThatThrownBy(() -> runtime.ensureContainer(spec))
          .isInstanceOf(EngineUnreachableException.class)
          .isNotInstanceOf(PermanentException.class)
          .hasMessage("Docker engine unreachable at " + endpoint + ": no such file or directory")
          .satisfies(e -> assertReadable(e.getMessage()));
      assertThatThrownBy(() -> runtime.state(spec.siteId()))
          .isInstanceOf(EngineUnreachableException.class)
          .hasMessageStartingWith("Docker engine unreachable at " + endpoint + ": ");
    }
  }

  @Test
  void givenNothingListensOnTheTcpPort_itSaysConnectionRefused() throws IOException {
    String endpoint = "tcp://127.0.0.1:" + DockerFixture.freePort();
    try (DockerClient absent =
        DockerConfig.createClient(
            new DockerProperties(endpoint, Duration.ofSeconds(2), Duration.ofSeconds(5)))) {
      var runtime = new DockerContainerRuntime(absent, AppCatalog.withDefaults(Map.of()), endpoint);

      assertThatThrownBy(() -> runtime.ensureNetwork(fixture.newCustomerId()))
          .isInstanceOf(EngineUnreachableException.class)
          .hasMessage("Docker engine unreachable at " + endpoint + ": connection refused");
    }
  }

  @Test
  void givenAppImageNotInstalled_itFailsPermanentlyWithNotFoundAndCreatesNothing() {
    var missing =
        new AppDefinition(
            "ghost", "berth/no-such-image:1", 8080, "/srv/site", List.of(), true, List.of("/tmp"));
    var runtime =
        new DockerContainerRuntime(
            fixture.docker, new AppCatalog(List.of(AppCatalog.STATIC, missing)), fixture.endpoint);
    long customer = fixture.newCustomerId();
    long site = fixture.newSiteId();
    var spec = new ContainerSpec(site, customer, "ghost-" + site, "ghost", 18099, SMALL);

    assertThatThrownBy(() -> runtime.ensureContainer(spec))
        .isInstanceOfSatisfying(
            PermanentException.class, e -> assertThat(e.type()).isEqualTo(FailureType.NOT_FOUND))
        .hasMessage(
            "App image berth/no-such-image:1 is not installed on this host (build it with"
                + " infra/images/build.sh)");

    assertThat(runtime.state(site)).isEmpty();
    assertThat(fixture.networkExists(DockerNames.network(customer))).isFalse();
    assertThat(fixture.volumeExists(DockerNames.volume(site))).isFalse();
  }

  @Test
  void givenUnknownApp_itFailsPermanentlyWithInvalidInput() {
    long site = fixture.newSiteId();
    var spec =
        new ContainerSpec(site, fixture.newCustomerId(), "cobol-" + site, "cobol", 18098, SMALL);

    assertThatThrownBy(() -> fixture.runtime.ensureContainer(spec))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> assertThat(e.type()).isEqualTo(FailureType.INVALID_INPUT))
        .hasMessage("Unknown app \"cobol\": this host offers node, php, static, wordpress.");
    assertThat(fixture.runtime.state(site)).isEmpty();
  }

  @Test
  void givenInvalidSiteName_itFailsPermanentlyBeforeTouchingTheEngine() {
    long site = fixture.newSiteId();
    var spec =
        new ContainerSpec(site, fixture.newCustomerId(), "Bad Name!", "static", 18097, SMALL);

    assertThatThrownBy(() -> fixture.runtime.ensureContainer(spec))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> assertThat(e.type()).isEqualTo(FailureType.INVALID_INPUT))
        .hasMessage("Use lowercase letters only.");
    assertThat(fixture.runtime.state(site)).isEmpty();
  }

  @Test
  void givenContainerOfThatNameBelongsToAnotherCustomer_itRefusesToReplaceIt() {
    long owner = fixture.newCustomerId();
    long intruder = fixture.newCustomerId();
    long site = fixture.newSiteId();
    ContainerSpec original = fixture.staticSite(site, owner, "owned-" + site, SMALL);
    fixture.runtime.ensureContainer(original);
    String id = fixture.inspect(site).getId();

    ContainerSpec takeover =
        new ContainerSpec(site, intruder, "owned-" + site, "static", original.hostPort(), SMALL);
    assertThatThrownBy(() -> fixture.runtime.ensureContainer(takeover))
        .isInstanceOfSatisfying(
            PermanentException.class, e -> assertThat(e.type()).isEqualTo(FailureType.CONFLICT))
        .hasMessageContaining("belongs to another customer");
    assertThat(fixture.inspect(site).getId()).isEqualTo(id);
  }

  private static void assertReadable(String message) {
    assertThat(message)
        .doesNotContain("\n")
        .doesNotContain("\tat ")
        .doesNotContain("Exception")
        .hasSizeLessThan(400);
  }
}
