package io.berth.activities.usage;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.CpuStatsConfig;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.MemoryStatsConfig;
import com.github.dockerjava.api.model.StatisticNetworksConfig;
import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.api.model.Volume;
import io.berth.activities.docker.DockerNames;
import io.berth.activities.docker.DockerObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link ContainerStats} from the Docker engine (docker-java): the site containers by their {@code
 * io.berth.site} label and name, one {@code stats} reading each without streaming, and a volume's
 * size measured by {@code du -sb} in a throw-away container that mounts it read-only with no
 * network and no capability but reading.
 */
public final class DockerContainerStats implements ContainerStats {

  /** Label of a volume-measuring container: the site whose volume it measures. */
  static final String LABEL_DISK_PROBE = "io.berth.usage-probe";

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration PROBE_TIMEOUT = Duration.ofMinutes(2);
  private static final String MOUNT = "/berth-volume";

  private final DockerClient docker;
  private final DockerObjects objects;
  private final String probeImage;

  public DockerContainerStats(DockerClient docker, String endpoint, String probeImage) {
    this.docker = docker;
    this.objects = new DockerObjects(docker, endpoint);
    this.probeImage = probeImage;
  }

  @Override
  public List<SiteContainer> runningSiteContainers() {
    List<Container> running =
        objects.call(
            "list site containers",
            () ->
                docker.listContainersCmd().withLabelFilter(List.of(DockerNames.LABEL_SITE)).exec());
    List<SiteContainer> sites = new ArrayList<>();
    for (Container container : running) {
      siteOf(container).ifPresent(id -> sites.add(new SiteContainer(id, container.getId())));
    }
    return sites;
  }

  /** The site a container serves, if it is that site's container by label and by name. */
  private static Optional<Long> siteOf(Container container) {
    Map<String, String> labels = container.getLabels();
    String label = labels == null ? null : labels.get(DockerNames.LABEL_SITE);
    if (label == null || !label.matches("[0-9]{1,18}")) {
      return Optional.empty();
    }
    long siteId = Long.parseLong(label);
    String expected = "/" + DockerNames.container(siteId);
    String[] names = container.getNames();
    if (names == null || !List.of(names).contains(expected)) {
      return Optional.empty();
    }
    return Optional.of(siteId);
  }

  @Override
  public ContainerReading read(SiteContainer container) {
    Statistics stats =
        objects.call("read stats of site " + container.siteId(), () -> readOnce(container));
    return new ContainerReading(cpuMillis(stats), memoryBytes(stats), rx(stats), tx(stats));
  }

  private Statistics readOnce(SiteContainer container) {
    AtomicReference<Statistics> reading = new AtomicReference<>();
    try (ResultCallback.Adapter<Statistics> callback =
        docker
            .statsCmd(container.containerId())
            .withNoStream(true)
            .exec(
                new ResultCallback.Adapter<>() {
                  @Override
                  public void onNext(Statistics statistics) {
                    reading.compareAndSet(null, statistics);
                  }
                })) {
      if (!callback.awaitCompletion(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException(
            "the engine sent no stats within " + READ_TIMEOUT.toSeconds() + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading stats", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (reading.get() == null) {
      throw new IllegalStateException("the engine sent no stats (the container stopped?)");
    }
    return reading.get();
  }

  private static int cpuMillis(Statistics stats) {
    CpuStatsConfig now = stats.getCpuStats();
    CpuStatsConfig before = stats.getPreCpuStats();
    if (now == null
        || before == null
        || now.getCpuUsage() == null
        || before.getCpuUsage() == null) {
      return 0;
    }
    long containerDelta =
        value(now.getCpuUsage().getTotalUsage()) - value(before.getCpuUsage().getTotalUsage());
    long systemDelta = value(now.getSystemCpuUsage()) - value(before.getSystemCpuUsage());
    long cpus = value(now.getOnlineCpus());
    if (cpus == 0 && now.getCpuUsage().getPercpuUsage() != null) {
      cpus = now.getCpuUsage().getPercpuUsage().size();
    }
    return StatsArithmetic.cpuMillis(containerDelta, systemDelta, cpus);
  }

  private static long memoryBytes(Statistics stats) {
    MemoryStatsConfig memory = stats.getMemoryStats();
    if (memory == null || memory.getUsage() == null) {
      return 0;
    }
    Long totalInactive =
        memory.getStats() == null ? null : memory.getStats().getTotalInactiveFile();
    Long inactive = memory.getStats() == null ? null : memory.getStats().getInactiveFile();
    return StatsArithmetic.memoryBytes(memory.getUsage(), totalInactive, inactive);
  }

  private static long rx(Statistics stats) {
    return networks(stats).values().stream().mapToLong(n -> value(n.getRxBytes())).sum();
  }

  private static long tx(Statistics stats) {
    return networks(stats).values().stream().mapToLong(n -> value(n.getTxBytes())).sum();
  }

  private static Map<String, StatisticNetworksConfig> networks(Statistics stats) {
    return stats.getNetworks() == null ? Map.of() : stats.getNetworks();
  }

  private static long value(Long value) {
    return value == null ? 0 : value;
  }

  @Override
  public long volumeBytes(long siteId) {
    String volume = DockerNames.volume(siteId);
    if (objects.volume(volume).isEmpty()) {
      return 0;
    }
    String name = "berth-usage-du-" + siteId;
    objects.removeContainer(name);
    try {
      String output = objects.call("measure volume " + volume, () -> runProbe(name, volume));
      return parseDu(output, volume);
    } finally {
      objects.removeContainer(name);
    }
  }

  private String runProbe(String name, String volume) {
    CreateContainerResponse created =
        docker
            .createContainerCmd(probeImage)
            .withName(name)
            .withLabels(Map.of(LABEL_DISK_PROBE, volume))
            .withCmd("du", "-sb", MOUNT)
            .withNetworkDisabled(true)
            .withHostConfig(
                HostConfig.newHostConfig()
                    .withBinds(new Bind(volume, new Volume(MOUNT), AccessMode.ro))
                    .withNetworkMode("none")
                    .withReadonlyRootfs(true)
                    .withCapDrop(Capability.ALL)
                    .withCapAdd(Capability.DAC_READ_SEARCH)
                    .withSecurityOpts(List.of("no-new-privileges"))
                    .withMemory(64L * 1024 * 1024)
                    .withPidsLimit(16L))
            .exec();
    docker.startContainerCmd(created.getId()).exec();
    Integer exit =
        docker
            .waitContainerCmd(created.getId())
            .exec(new WaitContainerResultCallback())
            .awaitStatusCode(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    String output = logs(created.getId());
    // du exits 1 when a file went away while it counted; its total is still good then.
    if (exit == null || (exit != 0 && exit != 1)) {
      throw new IllegalStateException("du exited with " + exit + ": " + output.strip());
    }
    return output;
  }

  private String logs(String containerId) {
    StringBuilder text = new StringBuilder();
    try (ResultCallback.Adapter<Frame> callback =
        docker
            .logContainerCmd(containerId)
            .withStdOut(true)
            .withStdErr(true)
            .exec(
                new ResultCallback.Adapter<>() {
                  @Override
                  public void onNext(Frame frame) {
                    text.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                  }
                })) {
      callback.awaitCompletion(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading du's output", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** The byte count of {@code du -sb}'s last line ({@code 12345<TAB>/berth-volume}). */
  static long parseDu(String output, String volume) {
    for (String line : output.strip().split("\n")) {
      String[] fields = line.strip().split("\\s+");
      if (fields.length == 2 && fields[1].equals(MOUNT) && fields[0].matches("[0-9]{1,19}")) {
        return Long.parseLong(fields[0]);
      }
    }
    throw new IllegalStateException("du gave no size for volume " + volume + ": " + output.strip());
  }
}
