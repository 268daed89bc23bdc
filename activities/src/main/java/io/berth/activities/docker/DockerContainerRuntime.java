package io.berth.activities.docker;

import static io.berth.activities.docker.DockerNames.LABEL_APP;
import static io.berth.activities.docker.DockerNames.LABEL_CUSTOMER;
import static io.berth.activities.docker.DockerNames.LABEL_SITE;
import static io.berth.activities.docker.DockerNames.LABEL_SITE_NAME;
import static io.berth.activities.docker.DockerNames.LABEL_SPEC_HASH;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.BadRequestException;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import io.berth.activities.common.PermanentException;
import io.berth.workflows.common.FailureType;
import io.berth.workflows.common.PlanLimits;
import io.berth.workflows.common.SiteNames;
import io.berth.workflows.site.ContainerSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ContainerRuntime} on one Docker engine, through docker-java.
 *
 * <p>Each site runs in one container ({@link DockerNames#container}) with the plan's memory (no
 * swap), CPU and a pids limit, no capabilities but the app's own, {@code no-new-privileges}, a
 * read-only root filesystem where the app allows it, its files on a named volume ({@link
 * DockerNames#volume}) and its port published on 127.0.0.1 only, for the host's reverse proxy. The
 * container joins only its customer's bridge network ({@link DockerNames#network}); Docker's own
 * isolation rules (iptables chains {@code DOCKER-ISOLATION-STAGE-1/2}) drop traffic between two
 * such networks, so one customer's containers cannot reach another's.
 *
 * <p>Every object is found by its deterministic name before anything is created, and a 409 from a
 * concurrent create makes the adapter look again, so a retried activity converges; duplicate
 * networks left by a concurrent create on older engines are cleaned up. A container's label {@link
 * DockerNames#LABEL_SPEC_HASH} records what it was made from; a different hash means the container
 * is replaced (the volume, and so the site's files, stay). The plan's limits are the exception:
 * they are changed on the running container in place ({@code docker update}), never by re-creating
 * it.
 */
public class DockerContainerRuntime implements ContainerRuntime {

  /** Seconds a container gets to shut down cleanly before it is killed. */
  static final int STOP_TIMEOUT_SECONDS = 5;

  /**
   * Part of every spec hash: change it when the way containers are built changes (new hardening,
   * new log settings), and existing containers are replaced on their next ensure. 2: the limits
   * left the hash (they are changed in place).
   */
  private static final String LAYOUT_VERSION = "2";

  private static final String LOOPBACK = "127.0.0.1";
  private static final String TMPFS_OPTIONS = "rw,nosuid,nodev,noexec,size=64m";
  private static final Map<String, String> LOG_OPTIONS = Map.of("max-size", "10m", "max-file", "3");
  private static final int CREATE_ATTEMPTS = 5;

  /** Reads the input up to its NUL and pipes it, without the NUL, to the command in "$@". */
  private static final String INPUT_RELAY =
      "IFS= read -r -d '' input; printf '%s' \"$input\" | \"$@\"";

  private static final Logger log = LoggerFactory.getLogger(DockerContainerRuntime.class);

  private final DockerClient docker;
  private final AppCatalog catalog;
  private final String endpoint;
  private final DockerObjects objects;

  /** Serializes network creation in this worker: the engine's duplicate check is not atomic. */
  private final Object networkLock = new Object();

  /**
   * @param endpoint the engine's address as configured, used in messages only
   */
  public DockerContainerRuntime(DockerClient docker, AppCatalog catalog, String endpoint) {
    this.docker = Objects.requireNonNull(docker, "docker");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.objects = new DockerObjects(docker, endpoint);
  }

  // ---- networks ----

  @Override
  public String ensureNetwork(long customerId) {
    requirePositive(customerId, "customer id");
    return ensureNetworkOf(customerId).getName();
  }

  @Override
  public void removeNetworkIfUnused(long customerId) {
    requirePositive(customerId, "customer id");
    String name = DockerNames.network(customerId);
    for (Network network : networksNamed(name)) {
      requireOwner("Network " + name, network.getLabels(), customerId);
      if (hasMembers(network.getId())) {
        log.info("Keeping network {}: containers are still attached", name);
      } else {
        removeNetwork(network.getId(), name);
      }
    }
  }

  /** The customer's network, created if missing. */
  private Network ensureNetworkOf(long customerId) {
    String name = DockerNames.network(customerId);
    synchronized (networkLock) {
      for (int attempt = 1; attempt <= CREATE_ATTEMPTS; attempt++) {
        List<Network> found = networksNamed(name);
        if (found.isEmpty()) {
          createNetwork(name, customerId);
          found = networksNamed(name);
        }
        if (!found.isEmpty()) {
          for (Network network : found) {
            requireOwner("Network " + name, network.getLabels(), customerId);
          }
          return converge(name, found);
        }
        pause(attempt);
      }
    }
    throw new DockerEngineException(
        "Docker engine did not keep network " + name + " after creating it; will try again");
  }

  /**
   * The one network to use when the name is taken more than once. dockerd before 25.0 checks for a
   * duplicate name without holding a lock, so two workers creating the same network at once can
   * both succeed. Every caller picks the same survivor (a network in use first, then the lowest id)
   * and removes the unused duplicates, so the name is unambiguous again.
   */
  private Network converge(String name, List<Network> found) {
    if (found.size() == 1) {
      return found.get(0);
    }
    Map<String, Boolean> inUse = new HashMap<>();
    found.forEach(network -> inUse.put(network.getId(), hasMembers(network.getId())));
    List<Network> ranked =
        found.stream()
            .sorted(
                Comparator.comparing((Network network) -> !inUse.get(network.getId()))
                    .thenComparing(Network::getId))
            .toList();
    Network survivor = ranked.get(0);
    log.warn("Network {} exists {} times; keeping {}", name, found.size(), survivor.getId());
    for (Network duplicate : ranked.subList(1, ranked.size())) {
      if (!inUse.get(duplicate.getId())) {
        removeNetwork(duplicate.getId(), name);
      }
    }
    return survivor;
  }

  /** Networks of exactly this name (the engine's name filter also matches substrings). */
  private List<Network> networksNamed(String name) {
    return call(
        "list networks named " + name,
        () ->
            docker.listNetworksCmd().withNameFilter(name).exec().stream()
                .filter(network -> name.equals(network.getName()))
                .toList());
  }

  /**
   * Whether any container, running or stopped, is attached. A stopped container has no endpoint in
   * the network's own listing but still names the network in its config: removing the network would
   * break that container's next start.
   */
  private boolean hasMembers(String networkId) {
    return call(
        "inspect network " + networkId,
        () -> {
          try {
            Network network = docker.inspectNetworkCmd().withNetworkId(networkId).exec();
            if (network.getContainers() != null && !network.getContainers().isEmpty()) {
              return true;
            }
          } catch (NotFoundException e) {
            return false;
          }
          return !docker
              .listContainersCmd()
              .withShowAll(true)
              .withNetworkFilter(List.of(networkId))
              .exec()
              .isEmpty();
        });
  }

  /** Creates the network; a 409 means another caller was first, which is just as good. */
  private void createNetwork(String name, long customerId) {
    call(
        "create network " + name,
        () -> {
          try {
            docker
                .createNetworkCmd()
                .withName(name)
                .withDriver("bridge")
                .withCheckDuplicate(true)
                .withLabels(Map.of(LABEL_CUSTOMER, Long.toString(customerId)))
                .exec();
            log.info("Created network {} for customer {}", name, customerId);
          } catch (ConflictException e) {
            // Created by another worker between our look and our create.
          } catch (DockerException e) {
            if (EngineErrors.reason(e).contains("non-overlapping")) {
              throw new PermanentException(
                  FailureType.EXHAUSTED,
                  "This Docker host has no free address range left for another customer network"
                      + " (dockerd's default-address-pools is used up)",
                  e);
            }
            throw e;
          }
          return null;
        });
  }

  private void removeNetwork(String networkId, String name) {
    call(
        "remove network " + name,
        () -> {
          try {
            docker.removeNetworkCmd(networkId).exec();
            log.info("Removed network {} ({})", name, networkId);
          } catch (NotFoundException e) {
            // Removed meanwhile: the outcome we want.
          } catch (DockerException e) {
            // 403/409 "has active endpoints": a container joined since we looked.
            if (e.getHttpStatus() != 403 && e.getHttpStatus() != 409) {
              throw e;
            }
            log.info("Keeping network {}: {}", name, EngineErrors.reason(e));
          }
          return null;
        });
  }

  // ---- containers ----

  @Override
  public void ensureContainer(ContainerSpec spec, ContainerEnvironment environment) {
    validate(spec);
    Objects.requireNonNull(environment, "environment");
    AppDefinition app = catalog.require(spec.app());
    String name = DockerNames.container(spec.siteId());

    for (int attempt = 1; attempt <= CREATE_ATTEMPTS; attempt++) {
      String imageId = objects.imageId(app.image(), "App image");
      Network network = ensureNetworkOf(spec.customerId());
      String volume = ensureVolume(spec);
      String hash = specHash(spec, app, imageId, network.getId(), environment);

      Optional<InspectContainerResponse> existing = objects.container(name);
      boolean exists;
      if (existing.isEmpty()) {
        exists = createContainer(spec, app, network.getId(), volume, hash, environment);
      } else {
        InspectContainerResponse container = existing.get();
        requireOwner("Container " + name, container.getConfig().getLabels(), spec.customerId());
        if (hash.equals(container.getConfig().getLabels().get(LABEL_SPEC_HASH))) {
          exists = applyLimits(name, container, spec.limits());
          if (exists && Boolean.TRUE.equals(container.getState().getRunning())) {
            return;
          }
        } else {
          log.info("Replacing container {} of site {}: its spec changed", name, spec.siteId());
          objects.removeContainer(name);
          exists = createContainer(spec, app, network.getId(), volume, hash, environment);
        }
      }
      if (exists && objects.startIfPresent(name)) {
        return;
      }
      // A concurrent attempt got in between (created the container first, or left a duplicate
      // network that is being cleaned up): look again.
      pause(attempt);
    }
    throw new DockerEngineException(
        "Docker engine kept reporting a conflicting container " + name + "; will try again");
  }

  @Override
  public void updateLimits(ContainerSpec spec) {
    validate(spec);
    String name = DockerNames.container(spec.siteId());
    InspectContainerResponse container =
        objects.container(name).orElseThrow(() -> noContainerForLimits(spec.siteId(), name));
    requireOwner("Container " + name, container.getConfig().getLabels(), spec.customerId());
    if (!applyLimits(name, container, spec.limits())) {
      throw noContainerForLimits(spec.siteId(), name);
    }
  }

  private static PermanentException noContainerForLimits(long siteId, String name) {
    return new PermanentException(
        FailureType.NOT_FOUND,
        "Site "
            + siteId
            + " has no container ("
            + name
            + ") on this host to give the new plan's limits; it gets them when it is set up again");
  }

  /**
   * Gives the container the plan's limits in place ({@code docker update}), running or stopped;
   * nothing when it has them. False if the container went away meanwhile.
   */
  private boolean applyLimits(String name, InspectContainerResponse container, PlanLimits plan) {
    ContainerLimits wanted = ContainerLimits.of(plan);
    ContainerLimits current = ContainerLimits.of(container.getHostConfig());
    if (current.equals(wanted)) {
      return true;
    }
    return call(
        "update the limits of container " + name,
        () -> {
          try {
            docker
                .updateContainerCmd(name)
                .withMemory(wanted.memoryBytes())
                .withMemorySwap(wanted.memorySwapBytes())
                .withNanoCPUs(wanted.nanoCpus())
                .withPidsLimit(wanted.pidsLimit())
                .exec();
            log.info("Changed the limits of container {} from {} to {}", name, current, wanted);
            return true;
          } catch (NotFoundException e) {
            return false;
          } catch (BadRequestException e) {
            // The engine cannot apply these limits (e.g. more CPUs than the host has): retrying
            // the same request cannot help.
            throw new PermanentException(
                FailureType.INVALID_INPUT,
                "Docker engine refused to give container "
                    + name
                    + " "
                    + wanted
                    + ": "
                    + EngineErrors.reason(e),
                e);
          }
        });
  }

  @Override
  public void removeContainer(long siteId) {
    requirePositive(siteId, "site id");
    objects.removeContainer(DockerNames.container(siteId));
  }

  @Override
  public void start(long siteId) {
    requirePositive(siteId, "site id");
    String name = DockerNames.container(siteId);
    requireContainer(siteId, name);
    startContainer(name);
  }

  @Override
  public void stop(long siteId) {
    requirePositive(siteId, "site id");
    String name = DockerNames.container(siteId);
    call(
        "stop container " + name,
        () -> {
          try {
            docker.stopContainerCmd(name).withTimeout(STOP_TIMEOUT_SECONDS).exec();
            log.info("Stopped container {}", name);
          } catch (NotModifiedException | NotFoundException e) {
            // Already stopped, or no container at all: nothing runs for the site either way.
          }
          return null;
        });
  }

  @Override
  public void restart(long siteId) {
    requirePositive(siteId, "site id");
    String name = DockerNames.container(siteId);
    requireContainer(siteId, name);
    call(
        "restart container " + name,
        () -> {
          docker.restartContainerCmd(name).withTimeout(STOP_TIMEOUT_SECONDS).exec();
          log.info("Restarted container {}", name);
          return null;
        });
  }

  @Override
  public CommandResult run(long siteId, List<String> command, String input, Duration timeout) {
    requirePositive(siteId, "site id");
    if (command == null || command.isEmpty() || command.stream().anyMatch(Objects::isNull)) {
      throw new PermanentException(FailureType.INVALID_INPUT, "No command given");
    }
    if (input != null && input.indexOf('\0') >= 0) {
      throw new PermanentException(FailureType.INVALID_INPUT, "The input has a NUL character");
    }
    String name = DockerNames.container(siteId);
    List<String> argv = new ArrayList<>();
    byte[] stdin = null;
    if (input != null) {
      // The engine's exec API never ends the command's input (docker-java cannot half-close the
      // stream), so a command reading to the end would wait forever: bash reads the input up to a
      // NUL sent after it and hands it on through a pipe that does end.
      argv.addAll(List.of("bash", "-c", INPUT_RELAY, "berth-input"));
      stdin = (input + "\0").getBytes(StandardCharsets.UTF_8);
    }
    argv.addAll(command);
    Optional<DockerObjects.ExecResult> result;
    try {
      result = objects.exec(name, null, List.of(), stdin, timeout, argv.toArray(String[]::new));
    } catch (NotFoundException e) {
      throw new PermanentException(
          FailureType.NOT_FOUND,
          "Site " + siteId + " has no container (" + name + ") on this host");
    } catch (ConflictException e) {
      throw new DockerEngineException(
          "Container " + name + " is not running, so " + command.get(0) + " cannot run in it yet");
    }
    DockerObjects.ExecResult finished =
        result.orElseThrow(
            () ->
                new DockerEngineException(
                    command.get(0)
                        + " in "
                        + name
                        + " did not finish within "
                        + timeout.toSeconds()
                        + " s; will try again"));
    return new CommandResult(finished.exitCode(), finished.stdout(), finished.stderr());
  }

  @Override
  public Optional<String> state(long siteId) {
    requirePositive(siteId, "site id");
    return objects
        .container(DockerNames.container(siteId))
        .map(container -> container.getState().getStatus());
  }

  private void requireContainer(long siteId, String name) {
    if (objects.container(name).isEmpty()) {
      throw new PermanentException(
          FailureType.NOT_FOUND,
          "Site " + siteId + " has no container (" + name + ") on this host");
    }
  }

  /**
   * Creates the container; false if one of that name already exists (409) or the network or image
   * is gone (404).
   */
  private boolean createContainer(
      ContainerSpec spec,
      AppDefinition app,
      String networkId,
      String volume,
      String hash,
      ContainerEnvironment environment) {
    String name = DockerNames.container(spec.siteId());
    PlanLimits limits = spec.limits();
    ExposedPort appPort = ExposedPort.tcp(app.port());

    Map<String, String> tmpfs = new LinkedHashMap<>();
    app.tmpfs().forEach(path -> tmpfs.put(path, TMPFS_OPTIONS));

    HostConfig hostConfig =
        HostConfig.newHostConfig()
            .withMemory(limits.memoryBytes())
            .withMemorySwap(limits.memoryBytes())
            .withNanoCPUs(limits.nanoCpus())
            .withPidsLimit((long) PlanLimits.PIDS_LIMIT)
            .withCapDrop(Capability.ALL)
            .withCapAdd(
                app.capAdd().stream().map(AppCatalog::capability).toArray(Capability[]::new))
            .withSecurityOpts(List.of("no-new-privileges:true"))
            .withRestartPolicy(RestartPolicy.unlessStoppedRestart())
            .withReadonlyRootfs(app.readOnlyRootfs())
            .withTmpFs(tmpfs)
            .withPortBindings(
                new PortBinding(Ports.Binding.bindIpAndPort(LOOPBACK, spec.hostPort()), appPort))
            .withNetworkMode(networkId)
            .withMounts(
                List.of(
                    new Mount()
                        .withType(MountType.VOLUME)
                        .withSource(volume)
                        .withTarget(app.dataPath())))
            .withLogConfig(new LogConfig(LogConfig.LoggingType.JSON_FILE, LOG_OPTIONS));

    Map<String, String> labels = new LinkedHashMap<>(siteLabels(spec));
    labels.put(LABEL_APP, app.app());
    labels.put(LABEL_SPEC_HASH, hash);

    return call(
        "create container " + name,
        () -> {
          try {
            docker
                .createContainerCmd(app.image())
                .withName(name)
                .withHostName(spec.siteName())
                .withLabels(labels)
                .withEnv(environment.entries())
                .withExposedPorts(appPort)
                .withHostConfig(hostConfig)
                .exec();
            log.info(
                "Created container {} for site {} of customer {} from {} on 127.0.0.1:{} with {}",
                name,
                spec.siteId(),
                spec.customerId(),
                app.image(),
                spec.hostPort(),
                environment);
            return true;
          } catch (ConflictException | NotFoundException e) {
            return false;
          } catch (BadRequestException e) {
            // The engine cannot run this spec (e.g. more CPUs than the host has): retrying the
            // same request cannot help.
            throw new PermanentException(
                FailureType.INVALID_INPUT,
                "Docker engine refused to create container " + name + ": " + EngineErrors.reason(e),
                e);
          }
        });
  }

  private void startContainer(String name) {
    call(
        "start container " + name,
        () -> {
          try {
            docker.startContainerCmd(name).exec();
            log.info("Started container {}", name);
          } catch (NotModifiedException e) {
            // Already running.
          }
          return null;
        });
  }

  // ---- volumes and images ----

  @Override
  public void removeVolume(long siteId) {
    requirePositive(siteId, "site id");
    String name = DockerNames.volume(siteId);
    call(
        "remove volume " + name,
        () -> {
          try {
            docker.removeVolumeCmd(name).exec();
            log.info("Removed volume {}", name);
          } catch (NotFoundException e) {
            // Already gone.
          }
          return null;
        });
  }

  private String ensureVolume(ContainerSpec spec) {
    String name = DockerNames.volume(spec.siteId());
    Optional<InspectVolumeResponse> existing = objects.volume(name);
    if (existing.isPresent()) {
      requireOwner("Volume " + name, existing.get().getLabels(), spec.customerId());
      return name;
    }
    // Creating a volume that exists already returns the existing one: no race to handle.
    call(
        "create volume " + name,
        () -> docker.createVolumeCmd().withName(name).withLabels(siteLabels(spec)).exec());
    log.info("Created volume {} for site {}", name, spec.siteId());
    return name;
  }

  // ---- spec ----

  /**
   * Hash of everything that shapes the container and cannot change in place: if any of it changes,
   * the container is re-created. The image id (not only its name) is part of it, so a rebuilt image
   * rolls out on the site's next ensure; so is the network's id, so a container never points at a
   * network that was removed and made anew. So is a digest of the environment, when there is one,
   * so new credentials re-create the container. The plan's limits are not: the engine changes them
   * on the container itself ({@link #updateLimits}) but cannot change a label, so they are compared
   * with what the container runs with ({@link ContainerLimits}) instead.
   */
  static String specHash(
      ContainerSpec spec,
      AppDefinition app,
      String imageId,
      String networkId,
      ContainerEnvironment environment) {
    String canonical =
        String.join(
            "\n",
            "layout=" + LAYOUT_VERSION,
            "customer=" + spec.customerId(),
            "site=" + spec.siteId(),
            "site-name=" + spec.siteName(),
            "app=" + app.app(),
            "image=" + app.image(),
            "image-id=" + imageId,
            "port=" + app.port(),
            "host-port=" + spec.hostPort(),
            "data-path=" + app.dataPath(),
            "network-id=" + networkId,
            "cap-add=" + app.capAdd().stream().sorted().toList(),
            "read-only-rootfs=" + app.readOnlyRootfs(),
            "tmpfs=" + app.tmpfs().stream().sorted().toList());
    if (!environment.isEmpty()) {
      canonical += "\nenv=" + environment.digest();
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  private static Map<String, String> siteLabels(ContainerSpec spec) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(LABEL_CUSTOMER, Long.toString(spec.customerId()));
    labels.put(LABEL_SITE, Long.toString(spec.siteId()));
    labels.put(LABEL_SITE_NAME, spec.siteName());
    return labels;
  }

  private static void validate(ContainerSpec spec) {
    if (spec == null) {
      throw new PermanentException(FailureType.INVALID_INPUT, "No container spec given");
    }
    requirePositive(spec.siteId(), "site id");
    requirePositive(spec.customerId(), "customer id");
    SiteNames.problem(spec.siteName())
        .ifPresent(
            problem -> {
              throw new PermanentException(FailureType.INVALID_INPUT, problem);
            });
    if (spec.hostPort() < 1024 || spec.hostPort() > 65535) {
      throw new PermanentException(
          FailureType.INVALID_INPUT,
          "Host port " + spec.hostPort() + " is outside 1024-65535 for site " + spec.siteId());
    }
    PlanLimits limits = spec.limits();
    if (limits == null || limits.memoryMb() < 16 || limits.cpuMillis() < 10) {
      throw new PermanentException(
          FailureType.INVALID_INPUT,
          "Plan limits "
              + limits
              + " are too small to run a site (at least 16 MiB memory and 10 millicores)");
    }
  }

  private static void requirePositive(long id, String what) {
    if (id <= 0) {
      throw new PermanentException(FailureType.INVALID_INPUT, "Invalid " + what + ": " + id);
    }
  }

  /** Refuses to touch an object of that name which is not this customer's. */
  private static void requireOwner(String object, Map<String, String> labels, long customerId) {
    String owner = labels == null ? null : labels.get(LABEL_CUSTOMER);
    if (owner == null) {
      throw new PermanentException(
          FailureType.CONFLICT,
          object + " exists on this host but was not made by Berth; remove or rename it");
    }
    if (!owner.equals(Long.toString(customerId))) {
      throw new PermanentException(
          FailureType.CONFLICT, object + " belongs to another customer; refusing to use it");
    }
  }

  private <T> T call(String action, Supplier<T> call) {
    return objects.call(action, call);
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(100L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DockerEngineException("Interrupted while waiting for the Docker engine");
    }
  }

  @Override
  public String toString() {
    return "DockerContainerRuntime[" + endpoint + "]";
  }
}
