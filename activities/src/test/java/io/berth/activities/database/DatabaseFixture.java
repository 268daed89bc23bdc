package io.berth.activities.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.HostConfig;
import io.berth.activities.docker.AppCatalog;
import io.berth.activities.docker.DockerConfig;
import io.berth.activities.docker.DockerContainerRuntime;
import io.berth.activities.docker.DockerNames;
import io.berth.activities.docker.DockerObjects;
import io.berth.activities.docker.DockerObjects.ExecResult;
import io.berth.activities.docker.DockerProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * What the customer database integration tests share: the adapter under test on the real engine,
 * customer ids in a range no one else uses (900000+), helpers to run clients and probes inside
 * containers, and cleanup of every container, volume and network the test made.
 */
final class DatabaseFixture implements AutoCloseable {

  static final String IMAGE = "berth/mariadb:1";
  static final String PROBE_IMAGE = "debian:bookworm-slim";
  static final DatabaseLimits SMALL = new DatabaseLimits(500, 192);
  static final DatabaseLimits LARGER = new DatabaseLimits(1000, 256);

  private static boolean imageBuilt;

  final DockerClient docker;
  private final DockerObjects objects;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  final MariaDbCustomerDatabases databases;

  private final Set<Long> customers = new LinkedHashSet<>();
  private final List<String> probes = new ArrayList<>();

  DatabaseFixture() {
    DockerProperties properties = DockerProperties.defaults();
    this.docker = DockerConfig.createClient(properties);
    this.objects = new DockerObjects(docker, "test engine");
    var runtime =
        new DockerContainerRuntime(
            docker, AppCatalog.withDefaults(Map.of()), properties.endpoint());
    this.databases = new MariaDbCustomerDatabases(docker, runtime, IMAGE, properties.endpoint());
  }

  /** Runs infra/images/build.sh for the database image once per test run. */
  static synchronized void buildImage() throws IOException, InterruptedException {
    if (imageBuilt) {
      return;
    }
    Path script = repositoryRoot().resolve("infra/images/build.sh");
    Process process =
        new ProcessBuilder("bash", script.toString(), "mariadb").redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    System.out.print(output);
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("build.sh finished").isTrue();
    assertThat(process.exitValue()).as("build.sh exit code; output:%n%s", output).isZero();
    imageBuilt = true;
  }

  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("infra/images/build.sh"))) {
        return dir;
      }
    }
    throw new IllegalStateException("infra/images/build.sh not found above the working directory");
  }

  long newCustomerId() {
    long id;
    do {
      id = 900_000 + ThreadLocalRandom.current().nextLong(9_000_000);
    } while (!customers.add(id));
    return id;
  }

  /** A fresh random password, as the platform would generate one. */
  static Secret newPassword() {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    StringBuilder password = new StringBuilder();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < 24; i++) {
      password.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    // Characters that need escaping in SQL must survive the round trip.
    return Secret.of(password + "'\\%_\"`$");
  }

  InspectContainerResponse inspectServer(long customerId) {
    return docker.inspectContainerCmd(DatabaseNames.container(customerId)).exec();
  }

  /** The database server's IP address on its customer's network. */
  String serverIp(long customerId) {
    var networks = inspectServer(customerId).getNetworkSettings().getNetworks();
    assertThat(networks).containsOnlyKeys(DockerNames.network(customerId));
    return networks.get(DockerNames.network(customerId)).getIpAddress();
  }

  /** Starts a container with bash on the customer's network, to probe connections from. */
  String startProbe(long customerId) {
    String name = "berth-test-dbprobe-" + customerId;
    probes.add(name);
    docker
        .createContainerCmd(PROBE_IMAGE)
        .withName(name)
        .withCmd("sleep", "600")
        .withHostConfig(HostConfig.newHostConfig().withNetworkMode(DockerNames.network(customerId)))
        .exec();
    docker.startContainerCmd(name).exec();
    return name;
  }

  /**
   * Runs a MariaDB client as {@code user} over TCP to the server inside {@code customerId}'s DB
   * container; the password goes in the client's environment (test only).
   */
  ExecResult clientAs(long customerId, String user, Secret password, String sql) {
    return exec(
        DatabaseNames.container(customerId),
        List.of("MYSQL_PWD=" + password.reveal()),
        "mariadb",
        "--host=127.0.0.1",
        "--user=" + user,
        "--batch",
        "--skip-column-names",
        "--execute=" + sql);
  }

  ExecResult exec(String container, List<String> env, String... command) {
    return objects.exec(container, null, env, null, TIMEOUT, command).orElseThrow();
  }

  /** Whether a TCP connection from inside the container to host:port succeeds within 3 s. */
  boolean canConnect(String fromContainer, String host, int port) {
    ExecResult result =
        exec(
            fromContainer,
            List.of(),
            "timeout",
            "3",
            "bash",
            "-c",
            "exec 3<>/dev/tcp/" + host + "/" + port + " && echo connected");
    return result.exitCode() == 0 && result.stdout().contains("connected");
  }

  @Override
  public void close() {
    for (String probe : probes) {
      quietly(() -> docker.removeContainerCmd(probe).withForce(true).exec());
    }
    for (long customer : customers) {
      quietly(
          () ->
              docker.removeContainerCmd(DatabaseNames.container(customer)).withForce(true).exec());
    }
    for (long customer : customers) {
      quietly(() -> docker.removeVolumeCmd(DatabaseNames.volume(customer)).exec());
      String name = DockerNames.network(customer);
      docker.listNetworksCmd().withNameFilter(name).exec().stream()
          .filter(network -> network.getName().equals(name))
          .forEach(network -> quietly(() -> docker.removeNetworkCmd(network.getId()).exec()));
    }
    try {
      docker.close();
    } catch (IOException e) {
      // Nothing left to clean up.
    }
  }

  private static void quietly(Runnable cleanup) {
    try {
      cleanup.run();
    } catch (NotFoundException e) {
      // Already gone.
    }
  }
}
