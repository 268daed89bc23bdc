package io.berth.activities.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every Docker-backed adapter does the same way: engine calls whose failures become readable
 * {@link DockerEngineException}s / {@link EngineUnreachableException}s, and look-ups and removals
 * of containers and volumes by name that treat "not there" as an answer, not an error.
 */
public final class DockerObjects {

  private static final Logger log = LoggerFactory.getLogger(DockerObjects.class);

  private final DockerClient docker;
  private final EngineErrors errors;

  public DockerObjects(DockerClient docker, String endpoint) {
    this.docker = docker;
    this.errors = new EngineErrors(endpoint);
  }

  /** Runs one engine call; {@code action} names it in messages ("start container x"). */
  public <T> T call(String action, Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      throw translate(action, e);
    }
  }

  /** The exception to throw instead of {@code e}, raised while trying to {@code action}. */
  public RuntimeException translate(String action, RuntimeException e) {
    return errors.translate(action, e);
  }

  /** The engine's own explanation of an error answer. */
  public static String reason(DockerException e) {
    return EngineErrors.reason(e);
  }

  public Optional<InspectContainerResponse> container(String name) {
    return call(
        "inspect container " + name,
        () -> {
          try {
            return Optional.of(docker.inspectContainerCmd(name).exec());
          } catch (NotFoundException e) {
            return Optional.empty();
          }
        });
  }

  public Optional<InspectVolumeResponse> volume(String name) {
    return call(
        "inspect volume " + name,
        () -> {
          try {
            return Optional.of(docker.inspectVolumeCmd(name).exec());
          } catch (NotFoundException e) {
            return Optional.empty();
          }
        });
  }

  /** Removes the container, running or not, and never its volumes; absent is fine. */
  public void removeContainer(String name) {
    call(
        "remove container " + name,
        () -> {
          for (int attempt = 1; ; attempt++) {
            try {
              docker.removeContainerCmd(name).withForce(true).withRemoveVolumes(false).exec();
              log.info("Removed container {}", name);
              return null;
            } catch (NotFoundException e) {
              return null;
            } catch (ConflictException e) {
              // "removal already in progress": wait for that removal to finish.
              if (attempt >= 20) {
                throw e;
              }
              pause(attempt);
            }
          }
        });
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(100L * Math.min(attempt, 5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DockerEngineException("Interrupted while waiting for the Docker engine");
    }
  }
}
