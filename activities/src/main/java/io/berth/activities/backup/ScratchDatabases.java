package io.berth.activities.backup;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import io.berth.activities.docker.DockerEngineException;
import io.berth.activities.docker.DockerObjects;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Throw-away MariaDB servers that verification loads a dump into: one per backup, {@code
 * berth-verify-db-<backupId>} (container and data volume), from the customers' database image, with
 * no network at all; reached only through {@code docker exec}.
 */
public class ScratchDatabases {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  private final DockerClient docker;
  private final DockerObjects objects;
  private final HelperContainers helpers;
  private final MariaDbTools tools;
  private final String image;

  public ScratchDatabases(
      DockerClient docker,
      HelperContainers helpers,
      MariaDbTools tools,
      String image,
      String endpoint) {
    this.docker = docker;
    this.objects = new DockerObjects(docker, endpoint);
    this.helpers = helpers;
    this.tools = tools;
    this.image = image;
  }

  static String name(long backupId) {
    return "berth-verify-db-" + backupId;
  }

  /**
   * Starts a fresh scratch server (replacing one an earlier attempt left) and waits until it
   * answers.
   *
   * @return its container's name
   */
  String start(long backupId, Runnable heartbeat) {
    String name = name(backupId);
    remove(backupId);
    objects.imageId(image, "Database image");
    helpers.ensureVolume(name, Map.of(HelperContainers.LABEL_ROLE, "verify-database"));
    HostConfig host =
        HostConfig.newHostConfig()
            .withNetworkMode("none")
            .withTmpFs(Map.of("/tmp", "rw,nosuid,nodev,size=64m,mode=1777"))
            .withMounts(
                List.of(
                    new Mount()
                        .withType(MountType.VOLUME)
                        .withSource(name)
                        .withTarget("/var/lib/mysql")));
    objects.call(
        "create container " + name,
        () ->
            docker
                .createContainerCmd(image)
                .withName(name)
                .withLabels(Map.of(HelperContainers.LABEL_ROLE, "verify-database"))
                .withHostConfig(host)
                .exec());
    objects.call("start container " + name, () -> docker.startContainerCmd(name).exec());
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (!tools.ready(name)) {
      heartbeat.run();
      if (System.nanoTime() > deadline) {
        throw new DockerEngineException(
            "Scratch database "
                + name
                + " did not start within "
                + READY_TIMEOUT.toSeconds()
                + " s");
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DockerEngineException("Interrupted while waiting for " + name, e);
      }
    }
    return name;
  }

  /** Removes the scratch server and its data; absent is fine. */
  void remove(long backupId) {
    objects.removeContainer(name(backupId));
    helpers.removeVolume(name(backupId));
  }
}
