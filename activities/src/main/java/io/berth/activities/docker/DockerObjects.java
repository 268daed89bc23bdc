package io.berth.activities.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Frame;
import io.berth.activities.common.PermanentException;
import io.berth.workflows.common.FailureType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every Docker-backed adapter does the same way: engine calls whose failures become readable
 * {@link DockerEngineException}s / {@link EngineUnreachableException}s, look-ups and removals of
 * containers and volumes by name that treat "not there" as an answer, not an error, and commands
 * run inside a container.
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

  /**
   * The id of a local image; {@code what} names it for the customer ("App image", "Database
   * image").
   *
   * @throws PermanentException NOT_FOUND when the image is not on this host
   */
  public String imageId(String image, String what) {
    return call(
        "inspect image " + image,
        () -> {
          try {
            return docker.inspectImageCmd(image).exec().getId();
          } catch (NotFoundException e) {
            throw new PermanentException(
                FailureType.NOT_FOUND,
                what
                    + " "
                    + image
                    + " is not installed on this host (build it with infra/images/build.sh)");
          }
        });
  }

  /**
   * Starts the container (no-op if running); false if it or its network went away or the network's
   * name is briefly ambiguous while a network is re-made, which another look resolves.
   */
  public boolean startIfPresent(String name) {
    return call(
        "start container " + name,
        () -> {
          try {
            docker.startContainerCmd(name).exec();
            log.info("Started container {}", name);
            return true;
          } catch (NotModifiedException e) {
            return true;
          } catch (NotFoundException e) {
            return false;
          } catch (DockerException e) {
            if (EngineErrors.reason(e).contains("is ambiguous")) {
              return false;
            }
            throw e;
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

  /** What a command run in a container printed, and how it ended. */
  public record ExecResult(long exitCode, String stdout, String stderr) {}

  /**
   * Runs a command in a running container and collects its output.
   *
   * @param user the user to run as, or null for the container's
   * @param env extra environment entries ({@code NAME=value})
   * @param stdin bytes for the command's standard input, or null for none
   * @return empty if the command did not finish within {@code timeout}
   * @throws NotFoundException when the container does not exist
   * @throws ConflictException when the container is not running
   */
  public Optional<ExecResult> exec(
      String container,
      String user,
      List<String> env,
      byte[] stdin,
      Duration timeout,
      String... command) {
    String action = "run " + command[0] + " in " + container;
    String execId;
    try {
      var create =
          docker
              .execCreateCmd(container)
              .withEnv(env)
              .withCmd(command)
              .withAttachStdin(stdin != null)
              .withAttachStdout(true)
              .withAttachStderr(true);
      execId = (user == null ? create : create.withUser(user)).exec().getId();
    } catch (NotFoundException | ConflictException e) {
      throw e;
    } catch (RuntimeException e) {
      throw translate(action, e);
    }
    var stdout = new ByteArrayOutputStream();
    var stderr = new ByteArrayOutputStream();
    boolean finished =
        call(
            action,
            () -> {
              var start = docker.execStartCmd(execId);
              if (stdin != null) {
                start.withStdIn(new ByteArrayInputStream(stdin));
              }
              try (var callback =
                  start.exec(
                      new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                          switch (frame.getStreamType()) {
                            case STDOUT, RAW -> stdout.writeBytes(frame.getPayload());
                            case STDERR -> stderr.writeBytes(frame.getPayload());
                            default -> {}
                          }
                        }
                      })) {
                return callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DockerEngineException("Interrupted while waiting to " + action, e);
              } catch (IOException e) {
                // Closing the finished stream failed: the output is complete.
                return true;
              }
            });
    if (!finished) {
      return Optional.empty();
    }
    Long exitCode = call(action, () -> docker.inspectExecCmd(execId).exec().getExitCodeLong());
    return Optional.of(
        new ExecResult(
            exitCode == null ? -1 : exitCode,
            stdout.toString(StandardCharsets.UTF_8),
            stderr.toString(StandardCharsets.UTF_8)));
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
