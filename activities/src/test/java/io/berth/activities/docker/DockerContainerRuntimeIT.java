package io.berth.activities.docker;

import static io.berth.activities.docker.DockerFixture.LARGER;
import static io.berth.activities.docker.DockerFixture.SMALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import io.berth.activities.common.PermanentException;
import io.berth.workflows.common.FailureType;
import io.berth.workflows.common.PlanLimits;
import io.berth.workflows.site.ContainerSpec;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link DockerContainerRuntime} against the real Docker engine, with the real static image. */
class DockerContainerRuntimeIT {

  private DockerFixture fixture;
  private DockerContainerRuntime runtime;

  @BeforeAll
  static void images() throws Exception {
    DockerFixture.buildImages();
  }

  @BeforeEach
  void setUp() {
    fixture = new DockerFixture();
    runtime = fixture.runtime;
  }

  @AfterEach
  void tearDown() throws IOException {
    fixture.close();
  }

  @Test
  void givenStaticSite_whenEnsured_itRunsWithThePlanLimitsAndHardening() {
    long customer = fixture.newCustomerId();
    long site = fixture.newSiteId();
    ContainerSpec spec = fixture.staticSite(site, customer, "hardened-" + site, SMALL);

    runtime.ensureContainer(spec);

    InspectContainerResponse container = fixture.inspect(site);
    HostConfig host = container.getHostConfig();
    assertThat(container.getState().getRunning()).isTrue();
    assertThat(host.getMemory()).isEqualTo(128L * 1024 * 1024);
    assertThat(host.getMemorySwap()).as("no swap beyond memory").isEqualTo(128L * 1024 * 1024);
    assertThat(host.getNanoCPUs()).isEqualTo(500_000_000L);
    assertThat(host.getPidsLimit()).isEqualTo((long) PlanLimits.PIDS_LIMIT);
    assertThat(host.getCapDrop()).containsExactly(Capability.ALL);
    assertThat(host.getCapAdd()).isNullOrEmpty();
    assertThat(host.getSecurityOpts()).contains("no-new-privileges:true");
    assertThat(host.getRestartPolicy().getName()).isEqualTo("unless-stopped");
    assertThat(host.getReadonlyRootfs()).isTrue();
    assertThat(host.getTmpFs()).containsOnlyKeys("/tmp", "/run");

    // Published on loopback only: the reverse proxy is the only way in from outside.
    Map<ExposedPort, Ports.Binding[]> bindings = host.getPortBindings().getBindings();
    assertThat(bindings).containsOnlyKeys(ExposedPort.tcp(8080));
    assertThat(bindings.get(ExposedPort.tcp(8080)))
        .singleElement()
        .satisfies(
            binding -> {
              assertThat(binding.getHostIp()).isEqualTo("127.0.0.1");
              assertThat(binding.getHostPortSpec()).isEqualTo(Integer.toString(spec.hostPort()));
            });
    assertThat(container.getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(8080)))
        .extracting(Ports.Binding::getHostIp)
        .containsOnly("127.0.0.1");

    // Only the customer's own network, and the site's volume at the app's data path.
    assertThat(container.getNetworkSettings().getNetworks())
        .containsOnlyKeys(DockerNames.network(customer));
    assertThat(container.getMounts())
        .singleElement()
        .satisfies(
            mount -> {
              assertThat(mount.getName()).isEqualTo(DockerNames.volume(site));
              assertThat(mount.getDestination().getPath()).isEqualTo("/srv/site");
              assertThat(mount.getRW()).isTrue();
            });

    assertThat(container.getConfig().getLabels())
        .containsEntry(DockerNames.LABEL_CUSTOMER, Long.toString(customer))
        .containsEntry(DockerNames.LABEL_SITE, Long.toString(site))
        .containsEntry(DockerNames.LABEL_SITE_NAME, "hardened-" + site)
        .containsEntry(DockerNames.LABEL_APP, "static")
        .hasEntrySatisfying(
            DockerNames.LABEL_SPEC_HASH, hash -> assertThat(hash).matches("[0-9a-f]{64}"));
    assertThat(
            fixture
                .docker
                .inspectNetworkCmd()
                .withNetworkId(DockerNames.network(customer))
                .exec()
                .getLabels())
        .containsEntry(DockerNames.LABEL_CUSTOMER, Long.toString(customer));
    assertThat(fixture.docker.inspectVolumeCmd(DockerNames.volume(site)).exec().getLabels())
        .containsEntry(DockerNames.LABEL_CUSTOMER, Long.toString(customer))
        .containsEntry(DockerNames.LABEL_SITE, Long.toString(site))
        .containsEntry(DockerNames.LABEL_SITE_NAME, "hardened-" + site);

    // What the processes inside actually get.
    String name = DockerNames.container(site);
    assertThat(fixture.exec(name, "id", "-u").stdout().trim()).isNotEqualTo("0");
    String status = fixture.exec(name, "cat", "/proc/1/status").stdout();
    assertThat(status).containsPattern("NoNewPrivs:\\s+1").containsPattern("CapEff:\\s+0+\\n");
    DockerObjects.ExecResult writeRoot = fixture.exec(name, "touch", "/etc/berth-probe");
    assertThat(writeRoot.exitCode()).isNotZero();
    assertThat(writeRoot.stderr()).contains("Read-only file system");
    assertThat(fixture.exec(name, "touch", "/tmp/berth-probe").exitCode()).isZero();
  }

  @Test
  void givenEnsuredSite_itServesTheWelcomePageOnLoopbackOnly() throws Exception {
    long site = fixture.newSiteId();
    ContainerSpec spec =
        fixture.staticSite(site, fixture.newCustomerId(), "welcome-" + site, SMALL);

    runtime.ensureContainer(spec);

    var response = fixture.get(spec.hostPort(), "/");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(response.body()).contains("Your site is live").contains("index.html");
    assertThat(response.headers().firstValue("cache-control"))
        .as("pages are revalidated, never shown stale from a browser cache")
        .hasValue("no-cache");
    assertThat(fixture.get(spec.hostPort(), "/.env").statusCode()).isEqualTo(404);

    List<InetAddress> hostAddresses = nonLoopbackAddresses();
    assertThat(hostAddresses).as("the host's other addresses").isNotEmpty();
    for (InetAddress address : hostAddresses) {
      assertThat(connects(address, spec.hostPort()))
          .as("port %d reachable on %s", spec.hostPort(), address.getHostAddress())
          .isFalse();
    }
  }

  @Test
  void givenSameSpec_whenEnsuredTwice_itKeepsExactlyOneContainer() {
    long customer = fixture.newCustomerId();
    long site = fixture.newSiteId();
    ContainerSpec spec = fixture.staticSite(site, customer, "twice-" + site, SMALL);

    runtime.ensureContainer(spec);
    String firstId = fixture.inspect(site).getId();
    runtime.ensureContainer(spec);

    assertThat(fixture.inspect(site).getId()).isEqualTo(firstId);
    assertThat(fixture.countContainers(Map.of(DockerNames.LABEL_SITE, Long.toString(site))))
        .isEqualTo(1);
    assertThat(fixture.countNetworksNamed(DockerNames.network(customer))).isEqualTo(1);
  }

  @Test
  void givenConcurrentEnsures_itEndsWithOneRunningContainer() {
    long customer = fixture.newCustomerId();
    long site = fixture.newSiteId();
    ContainerSpec spec = fixture.staticSite(site, customer, "racing-" + site, SMALL);
    var other =
        new DockerContainerRuntime(
            fixture.docker, AppCatalog.withDefaults(Map.of()), fixture.endpoint);

    var first = CompletableFuture.runAsync(() -> runtime.ensureContainer(spec));
    var second = CompletableFuture.runAsync(() -> other.ensureContainer(spec));
    CompletableFuture.allOf(first, second).orTimeout(60, TimeUnit.SECONDS).join();

    assertThat(fixture.countContainers(Map.of(DockerNames.LABEL_SITE, Long.toString(site))))
        .isEqualTo(1);
    assertThat(runtime.state(site)).contains("running");
    assertThat(fixture.countNetworksNamed(DockerNames.network(customer))).isEqualTo(1);
  }

  @Test
  void givenChangedLimits_whenEnsured_theSameContainerGetsThemInPlace_keepingTheSiteFiles()
      throws Exception {
    long site = fixture.newSiteId();
    ContainerSpec spec =
        fixture.staticSite(site, fixture.newCustomerId(), "resized-" + site, SMALL);
    runtime.ensureContainer(spec);
    InspectContainerResponse before = fixture.inspect(site);
    String name = DockerNames.container(site);
    assertThat(
            fixture
                .exec(name, "bash", "-c", "echo 'kept across the change' > /srv/site/note.txt")
                .exitCode())
        .isZero();

    ContainerSpec upgraded =
        new ContainerSpec(
            site, spec.customerId(), spec.siteName(), spec.app(), spec.hostPort(), LARGER);
    runtime.ensureContainer(upgraded);

    InspectContainerResponse after = fixture.inspect(site);
    assertThat(after.getId()).isEqualTo(before.getId());
    assertThat(after.getState().getRunning()).isTrue();
    assertThat(after.getState().getStartedAt()).isEqualTo(before.getState().getStartedAt());
    assertThat(after.getConfig().getLabels().get(DockerNames.LABEL_SPEC_HASH))
        .isEqualTo(before.getConfig().getLabels().get(DockerNames.LABEL_SPEC_HASH));
    assertThat(after.getHostConfig().getMemory()).isEqualTo(256L * 1024 * 1024);
    assertThat(after.getHostConfig().getMemorySwap()).isEqualTo(256L * 1024 * 1024);
    assertThat(after.getHostConfig().getNanoCPUs()).isEqualTo(1_000_000_000L);
    assertThat(fixture.countContainers(Map.of(DockerNames.LABEL_SITE, Long.toString(site))))
        .isEqualTo(1);

    var note = fixture.get(spec.hostPort(), "/note.txt");
    assertThat(note.statusCode()).isEqualTo(200);
    assertThat(note.body()).isEqualTo("kept across the change\n");
    assertThat(fixture.get(spec.hostPort(), "/").body()).contains("Your site is live");
  }

  @Test
  void givenLimitsItHasAlready_updatingThemAsksNothingOfTheEngine_butNewOnesAreOneUpdate()
      throws Exception {
    long site = fixture.newSiteId();
    ContainerSpec spec = fixture.staticSite(site, fixture.newCustomerId(), "same-" + site, SMALL);
    runtime.ensureContainer(spec);
    ContainerSpec larger =
        new ContainerSpec(
            site, spec.customerId(), spec.siteName(), spec.app(), spec.hostPort(), LARGER);
    long since = fixture.engineTime();

    runtime.updateLimits(spec);
    runtime.ensureContainer(spec);
    runtime.updateLimits(larger);
    runtime.updateLimits(larger);
    runtime.ensureContainer(larger);

    assertThat(fixture.containerEvents(DockerNames.container(site), since))
        .as("engine events of the container")
        .containsExactly("update");
    assertThat(fixture.inspect(site).getHostConfig().getMemory()).isEqualTo(256L * 1024 * 1024);
  }

  @Test
  void givenStoppedContainer_whenLimitsUpdated_itStaysStoppedWithThem_andStartsWithThem()
      throws Exception {
    long site = fixture.newSiteId();
    ContainerSpec spec =
        fixture.staticSite(site, fixture.newCustomerId(), "dormant-" + site, SMALL);
    runtime.ensureContainer(spec);
    runtime.stop(site);
    String id = fixture.inspect(site).getId();

    runtime.updateLimits(
        new ContainerSpec(
            site, spec.customerId(), spec.siteName(), spec.app(), spec.hostPort(), LARGER));

    InspectContainerResponse stopped = fixture.inspect(site);
    assertThat(stopped.getState().getRunning()).isFalse();
    assertThat(stopped.getHostConfig().getNanoCPUs()).isEqualTo(1_000_000_000L);
    runtime.start(site);
    InspectContainerResponse started = fixture.inspect(site);
    assertThat(started.getId()).isEqualTo(id);
    assertThat(started.getState().getRunning()).isTrue();
    assertThat(started.getHostConfig().getMemory()).isEqualTo(256L * 1024 * 1024);
    assertThat(fixture.get(spec.hostPort(), "/").statusCode()).isEqualTo(200);
  }

  @Test
  void updatingTheLimitsOfAMissingOrForeignContainer_failsForGood() {
    long site = fixture.newSiteId();
    long owner = fixture.newCustomerId();
    ContainerSpec missing = fixture.staticSite(site, owner, "missing-" + site, LARGER);

    assertThatThrownBy(() -> runtime.updateLimits(missing))
        .isInstanceOfSatisfying(
            PermanentException.class, e -> assertThat(e.type()).isEqualTo(FailureType.NOT_FOUND))
        .hasMessageContaining("has no container (" + DockerNames.container(site) + ")");

    runtime.ensureContainer(fixture.staticSite(site, owner, "owned-" + site, SMALL));
    ContainerSpec foreign =
        fixture.staticSite(site, fixture.newCustomerId(), "owned-" + site, LARGER);
    assertThatThrownBy(() -> runtime.updateLimits(foreign))
        .isInstanceOfSatisfying(
            PermanentException.class, e -> assertThat(e.type()).isEqualTo(FailureType.CONFLICT));
    assertThat(fixture.inspect(site).getHostConfig().getMemory()).isEqualTo(128L * 1024 * 1024);
  }

  @Test
  void givenSiteThatNeverWentLive_whenContainerAndVolumeRemoved_nothingOfItIsLeft() {
    long site = fixture.newSiteId();
    runtime.ensureContainer(
        fixture.staticSite(site, fixture.newCustomerId(), "discarded-" + site, SMALL));
    assertThat(fixture.volumeExists(DockerNames.volume(site))).isTrue();

    runtime.removeContainer(site);
    runtime.removeVolume(site);
    runtime.removeVolume(site);

    assertThat(fixture.countContainers(Map.of(DockerNames.LABEL_SITE, Long.toString(site))))
        .isZero();
    assertThat(fixture.volumeExists(DockerNames.volume(site))).isFalse();
  }

  @Test
  void givenEnvironment_theContainerHasIt_andAnotherEnvironmentReplacesIt_keepingTheFiles() {
    long site = fixture.newSiteId();
    ContainerSpec spec = fixture.staticSite(site, fixture.newCustomerId(), "env-" + site, SMALL);
    var first = ContainerEnvironment.of(Map.of("BERTH_DB_PASSWORD", "first-Password-1"));
    runtime.ensureContainer(spec, first);
    String id = fixture.inspect(site).getId();
    fixture.exec(DockerNames.container(site), "sh", "-c", "echo kept > /srv/site/mine.txt");

    runtime.ensureContainer(spec, first);
    assertThat(fixture.inspect(site).getId()).as("same environment, same container").isEqualTo(id);
    runtime.ensureContainer(
        spec, ContainerEnvironment.of(Map.of("BERTH_DB_PASSWORD", "second-Password-2")));

    InspectContainerResponse replaced = fixture.inspect(site);
    assertThat(replaced.getId()).isNotEqualTo(id);
    assertThat(replaced.getConfig().getEnv()).contains("BERTH_DB_PASSWORD=second-Password-2");
    assertThat(replaced.getConfig().getLabels().toString()).doesNotContain("Password");
    assertThat(fixture.exec(DockerNames.container(site), "cat", "/srv/site/mine.txt").stdout())
        .isEqualTo("kept\n");
  }

  @Test
  void givenRunningSite_aCommandGetsItsInputOnStdin_andItsExitStatusIsReported() {
    long site = fixture.newSiteId();
    runtime.ensureContainer(
        fixture.staticSite(site, fixture.newCustomerId(), "run-" + site, SMALL));
    String input = "line one\n  it's \"quoted\" $HOME \\ end  ";

    CommandResult echoed = runtime.run(site, List.of("cat"), input, Duration.ofSeconds(20));
    CommandResult failed =
        runtime.run(
            site, List.of("sh", "-c", "echo oops >&2; exit 3"), null, Duration.ofSeconds(20));

    assertThat(echoed.exitCode()).isZero();
    assertThat(echoed.stdout()).isEqualTo(input);
    assertThat(failed.exitCode()).isEqualTo(3);
    assertThat(failed.stderr()).isEqualTo("oops\n");
    assertThatThrownBy(
            () -> runtime.run(fixture.newSiteId(), List.of("true"), null, Duration.ofSeconds(5)))
        .isInstanceOfSatisfying(
            PermanentException.class, e -> assertThat(e.type()).isEqualTo(FailureType.NOT_FOUND));
  }

  @Test
  void givenStoppedContainer_whenEnsuredAgain_itStartsTheSameContainer() {
    long site = fixture.newSiteId();
    ContainerSpec spec =
        fixture.staticSite(site, fixture.newCustomerId(), "resumed-" + site, SMALL);
    runtime.ensureContainer(spec);
    String id = fixture.inspect(site).getId();
    runtime.stop(site);
    assertThat(runtime.state(site)).contains("exited");

    runtime.ensureContainer(spec);

    assertThat(fixture.inspect(site).getId()).isEqualTo(id);
    assertThat(runtime.state(site)).contains("running");
  }

  @Test
  void givenSite_whenStoppedStartedAndRestarted_itReportsEachStateAndServesAgain()
      throws Exception {
    long site = fixture.newSiteId();
    ContainerSpec spec = fixture.staticSite(site, fixture.newCustomerId(), "cycled-" + site, SMALL);
    assertThat(runtime.state(site)).isEmpty();
    runtime.ensureContainer(spec);
    assertThat(runtime.state(site)).contains("running");

    runtime.stop(site);
    assertThat(runtime.state(site)).contains("exited");
    runtime.stop(site);
    assertThat(runtime.state(site)).contains("exited");
    assertThat(connects(InetAddress.getLoopbackAddress(), spec.hostPort())).isFalse();

    runtime.start(site);
    assertThat(runtime.state(site)).contains("running");
    runtime.start(site);
    assertThat(runtime.state(site)).contains("running");
    assertThat(fixture.get(spec.hostPort(), "/").statusCode()).isEqualTo(200);

    String startedAt = fixture.inspect(site).getState().getStartedAt();
    runtime.restart(site);
    assertThat(runtime.state(site)).contains("running");
    assertThat(fixture.inspect(site).getState().getStartedAt()).isNotEqualTo(startedAt);
    assertThat(fixture.get(spec.hostPort(), "/").statusCode()).isEqualTo(200);

    runtime.removeContainer(site);
    assertThat(runtime.state(site)).isEmpty();
    runtime.removeContainer(site);
    runtime.stop(site);
    assertThat(fixture.volumeExists(DockerNames.volume(site)))
        .as("the site's files outlive its container")
        .isTrue();
    assertThatThrownBy(() -> runtime.start(site))
        .isInstanceOfSatisfying(
            PermanentException.class, e -> assertThat(e.type()).isEqualTo(FailureType.NOT_FOUND))
        .hasMessageContaining(DockerNames.container(site));
  }

  @Test
  void givenNetworkInUse_whenRemovedIfUnused_itStaysUntilTheLastContainerIsGone() {
    long customer = fixture.newCustomerId();
    long site = fixture.newSiteId();
    String network = DockerNames.network(customer);
    runtime.removeNetworkIfUnused(customer);
    assertThat(runtime.ensureNetwork(customer)).isEqualTo(network);
    assertThat(runtime.ensureNetwork(customer)).isEqualTo(network);
    assertThat(fixture.countNetworksNamed(network)).isEqualTo(1);
    runtime.ensureContainer(fixture.staticSite(site, customer, "tenant-" + site, SMALL));

    runtime.removeNetworkIfUnused(customer);
    assertThat(fixture.networkExists(network)).as("kept with a running container").isTrue();

    runtime.stop(site);
    runtime.removeNetworkIfUnused(customer);
    assertThat(fixture.networkExists(network)).as("kept with a stopped container").isTrue();
    runtime.start(site);
    assertThat(runtime.state(site)).contains("running");

    runtime.removeContainer(site);
    runtime.removeNetworkIfUnused(customer);
    assertThat(fixture.networkExists(network)).isFalse();
    runtime.removeNetworkIfUnused(customer);
  }

  private static List<InetAddress> nonLoopbackAddresses() throws IOException {
    return NetworkInterface.networkInterfaces()
        .flatMap(NetworkInterface::inetAddresses)
        .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
        .toList();
  }

  private static boolean connects(InetAddress address, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
