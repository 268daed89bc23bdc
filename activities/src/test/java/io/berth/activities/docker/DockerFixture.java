package io.berth.activities.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Event;
import io.berth.activities.docker.DockerObjects.ExecResult;
import io.berth.workflows.common.PlanLimits;
import io.berth.workflows.site.ContainerSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * What the Docker integration tests share: a client for the real engine, the adapter under test,
 * ids in a range no one else uses (900000+), helpers to look inside containers, and cleanup of
 * every container, volume and network the test made.
 */
public final class DockerFixture implements AutoCloseable {

  static final PlanLimits SMALL = new PlanLimits(500, 128, 1024, 1);
  static final PlanLimits LARGER = new PlanLimits(1000, 256, 2048, 3);

  private static boolean imagesBuilt;

  final DockerClient docker;
  private final DockerObjects objects;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  final String endpoint;
  final DockerContainerRuntime runtime;

  private final Set<Long> sites = new LinkedHashSet<>();
  private final Set<Long> customers = new LinkedHashSet<>();
  private final List<String> otherContainers = new ArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  DockerFixture() {
    DockerProperties properties = DockerProperties.defaults();
    this.endpoint = properties.endpoint();
    this.docker = DockerConfig.createClient(properties);
    this.objects = new DockerObjects(docker, "test engine");
    this.runtime = new DockerContainerRuntime(docker, AppCatalog.withDefaults(Map.of()), endpoint);
  }

  /** Runs infra/images/build.sh once per test run (fast when the images are up to date). */
  public static synchronized void buildImages() throws IOException, InterruptedException {
    if (imagesBuilt) {
      return;
    }
    Path script = repositoryRoot().resolve("infra/images/build.sh");
    Process process =
        new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    System.out.print(output);
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("build.sh finished").isTrue();
    assertThat(process.exitValue()).as("build.sh exit code; output:%n%s", output).isZero();
    imagesBuilt = true;
  }

  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("infra/images/build.sh"))) {
        return dir;
      }
    }
    throw new IllegalStateException("infra/images/build.sh not found above the working directory");
  }

  long newSiteId() {
    long id;
    do {
      id = 900_000 + ThreadLocalRandom.current().nextLong(9_000_000);
    } while (!sites.add(id));
    return id;
  }

  long newCustomerId() {
    long id;
    do {
      id = 900_000 + ThreadLocalRandom.current().nextLong(9_000_000);
    } while (!customers.add(id));
    return id;
  }

  /** A container made outside the adapter, removed at the end. */
  void track(String containerName) {
    otherContainers.add(containerName);
  }

  ContainerSpec staticSite(long siteId, long customerId, String name, PlanLimits limits) {
    return new ContainerSpec(siteId, customerId, name, "static", freePort(), limits);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  InspectContainerResponse inspect(long siteId) {
    return docker.inspectContainerCmd(DockerNames.container(siteId)).exec();
  }

  /** The container's IP address on the given network. */
  String ipOn(long siteId, String network) {
    var networks = inspect(siteId).getNetworkSettings().getNetworks();
    assertThat(networks).containsKey(network);
    return networks.get(network).getIpAddress();
  }

  String gatewayOn(long siteId, String network) {
    return inspect(siteId).getNetworkSettings().getNetworks().get(network).getGateway();
  }

  /** Runs a command inside a running container, as the container's user. */
  ExecResult exec(String container, String... command) {
    return objects.exec(container, null, List.of(), null, TIMEOUT, command).orElseThrow();
  }

  /** Whether a TCP connection from inside the container to ip:port succeeds within 3 s. */
  boolean canConnect(String fromContainer, String ip, int port) {
    ExecResult result =
        exec(
            fromContainer,
            "timeout",
            "3",
            "bash",
            "-c",
            "exec 3<>/dev/tcp/" + ip + "/" + port + " && echo connected");
    return result.exitCode() == 0 && result.stdout().contains("connected");
  }

  /** GETs http://127.0.0.1:port/path until it answers (the container may still be starting). */
  HttpResponse<String> get(int port, String path) throws InterruptedException {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(3))
            .build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    IOException last = null;
    while (System.nanoTime() < deadline) {
      try {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        last = e;
        Thread.sleep(200);
      }
    }
    throw new AssertionError("Nothing answered on 127.0.0.1:" + port + path, last);
  }

  /** Now, as the engine's event filters read it: seconds and nanoseconds since the epoch. */
  long engineTime() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  /**
   * The actions ("create", "start", "update", …) the engine reported for a container since then.
   */
  List<String> containerEvents(String container, long sinceNanos) throws InterruptedException {
    List<String> actions = new ArrayList<>();
    docker
        .eventsCmd()
        .withContainerFilter(container)
        .withSince(engineTimestamp(sinceNanos))
        .withUntil(engineTimestamp(engineTime()))
        .exec(
            new ResultCallback.Adapter<Event>() {
              @Override
              public void onNext(Event event) {
                synchronized (actions) {
                  actions.add(event.getAction());
                }
              }
            })
        .awaitCompletion(10, TimeUnit.SECONDS);
    synchronized (actions) {
      return List.copyOf(actions);
    }
  }

  private static String engineTimestamp(long nanos) {
    return String.format("%d.%09d", nanos / 1_000_000_000L, nanos % 1_000_000_000L);
  }

  long countContainers(Map<String, String> labels) {
    return docker.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec().size();
  }

  long countNetworksNamed(String name) {
    return docker.listNetworksCmd().withNameFilter(name).exec().stream()
        .filter(network -> network.getName().equals(name))
        .count();
  }

  boolean networkExists(String name) {
    return countNetworksNamed(name) > 0;
  }

  boolean volumeExists(String name) {
    try {
      docker.inspectVolumeCmd(name).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  @Override
  public void close() throws IOException {
    for (String container : otherContainers) {
      quietly(() -> docker.removeContainerCmd(container).withForce(true).exec());
    }
    for (long site : sites) {
      quietly(() -> docker.removeContainerCmd(DockerNames.container(site)).withForce(true).exec());
    }
    for (long site : sites) {
      quietly(() -> docker.removeVolumeCmd(DockerNames.volume(site)).exec());
    }
    for (long customer : customers) {
      String name = DockerNames.network(customer);
      docker.listNetworksCmd().withNameFilter(name).exec().stream()
          .filter(network -> network.getName().equals(name))
          .forEach(network -> quietly(() -> docker.removeNetworkCmd(network.getId()).exec()));
    }
    docker.close();
  }

  private static void quietly(Runnable cleanup) {
    try {
      cleanup.run();
    } catch (NotFoundException e) {
      // Already gone.
    }
  }
}
