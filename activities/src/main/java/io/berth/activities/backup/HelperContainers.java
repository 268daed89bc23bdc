package io.berth.activities.backup;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import io.berth.activities.common.PermanentException;
import io.berth.activities.docker.DockerEngineException;
import io.berth.activities.docker.DockerObjects;
import io.berth.workflows.common.FailureType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Short-lived containers that reach a volume for a backup or a restore: created from a small image
 * with the volume mounted at {@link #MOUNT}, no network, and named after the backup or restore, so
 * a retry finds and replaces what a killed attempt left. Files go in and out through the engine's
 * archive API, which works on a created container and on a remote engine alike.
 */
public class HelperContainers {

  /** Where the volume is mounted inside a helper container. */
  static final String MOUNT = "/data";

  /** Label: marks a helper container, for operators cleaning up. */
  static final String LABEL_ROLE = "io.berth.role";

  /** Label: the volume a helper container works on. */
  static final String LABEL_VOLUME = "io.berth.volume";

  private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(10);

  private final DockerClient docker;
  private final DockerObjects objects;
  private final String image;

  /**
   * @param image a small image with a POSIX shell and coreutils, e.g. debian:bookworm-slim
   */
  public HelperContainers(DockerClient docker, String image, String endpoint) {
    this.docker = docker;
    this.objects = new DockerObjects(docker, endpoint);
    this.image = image;
  }

  DockerClient docker() {
    return docker;
  }

  DockerObjects objects() {
    return objects;
  }

  /** Whether the volume exists on this engine. */
  boolean volumeExists(String volume) {
    return objects.volume(volume).isPresent();
  }

  /** Creates the volume if missing. */
  void ensureVolume(String volume, Map<String, String> labels) {
    if (!volumeExists(volume)) {
      objects.call(
          "create volume " + volume,
          () -> docker.createVolumeCmd().withName(volume).withLabels(labels).exec());
    }
  }

  /** Removes the volume; absent is fine. */
  void removeVolume(String volume) {
    objects.call(
        "remove volume " + volume,
        () -> {
          try {
            docker.removeVolumeCmd(volume).exec();
          } catch (NotFoundException e) {
            // Gone already.
          }
          return null;
        });
  }

  /**
   * Creates (without starting) a helper named {@code name} with the volume mounted, replacing one
   * an earlier attempt left.
   */
  void create(String name, String volume, boolean readOnly, String role) {
    create(name, volume, readOnly, role, List.of("true"));
  }

  private void create(
      String name, String volume, boolean readOnly, String role, List<String> command) {
    objects.imageId(image, "Backup helper image");
    objects.removeContainer(name);
    HostConfig host =
        HostConfig.newHostConfig()
            .withNetworkMode("none")
            .withMounts(
                List.of(
                    new Mount()
                        .withType(MountType.VOLUME)
                        .withSource(volume)
                        .withTarget(MOUNT)
                        .withReadOnly(readOnly)));
    objects.call(
        "create container " + name,
        () ->
            docker
                .createContainerCmd(image)
                .withName(name)
                .withLabels(Map.of(LABEL_ROLE, role, LABEL_VOLUME, volume))
                .withCmd(command)
                .withHostConfig(host)
                .exec());
  }

  /** Removes the helper; absent is fine. */
  void remove(String name) {
    objects.removeContainer(name);
  }

  /**
   * Runs a shell script as root in a helper with the volume mounted read-write, waits for it and
   * removes the helper. The script's arguments follow as {@code $1}, {@code $2}, ….
   *
   * @return what the script printed on standard output
   * @throws PermanentException INVALID_INPUT when the script exits with 3 (its way of saying that
   *     retrying cannot help; its standard error is the message)
   * @throws DockerEngineException when it fails otherwise
   */
  String runScript(String name, String volume, String script, String... args) {
    List<String> command = new java.util.ArrayList<>(List.of("sh", "-c", script, "berth-helper"));
    command.addAll(List.of(args));
    create(name, volume, false, "restore-helper", command);
    try {
      objects.call("start container " + name, () -> docker.startContainerCmd(name).exec());
      Integer status =
          objects.call(
              "wait for container " + name,
              () ->
                  docker
                      .waitContainerCmd(name)
                      .exec(new WaitContainerResultCallback())
                      .awaitStatusCode(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
      var stdout = new ByteArrayOutputStream();
      var stderr = new ByteArrayOutputStream();
      objects.call(
          "read the output of " + name,
          () -> {
            try {
              return docker
                  .logContainerCmd(name)
                  .withStdOut(true)
                  .withStdErr(true)
                  .exec(
                      new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                          switch (frame.getStreamType()) {
                            case STDOUT, RAW -> stdout.writeBytes(frame.getPayload());
                            case STDERR -> stderr.writeBytes(frame.getPayload());
                            default -> {}
                          }
                        }
                      })
                  .awaitCompletion(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new DockerEngineException("Interrupted while reading " + name, e);
            }
          });
      String error = stderr.toString(StandardCharsets.UTF_8).trim();
      if (status != null && status == 3) {
        throw new PermanentException(FailureType.INVALID_INPUT, error);
      }
      if (status == null || status != 0) {
        throw new DockerEngineException(
            "Helper " + name + " on volume " + volume + " failed (" + status + "): " + error);
      }
      return stdout.toString(StandardCharsets.UTF_8);
    } finally {
      remove(name);
    }
  }
}
