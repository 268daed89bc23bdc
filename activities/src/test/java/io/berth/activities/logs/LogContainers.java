package io.berth.activities.logs;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.HostConfig;
import io.berth.activities.docker.DockerConfig;
import io.berth.activities.docker.DockerNames;
import io.berth.activities.docker.DockerProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Site containers made of {@code debian:bookworm-slim} that run a shell script, under site ids no
 * one else uses (990000 and up), removed on close.
 */
final class LogContainers implements AutoCloseable {

  private final DockerClient docker = DockerConfig.createClient(DockerProperties.defaults());
  private final List<Long> sites = new ArrayList<>();

  DockerClient docker() {
    return docker;
  }

  /** A site id in 990000–999999 that has no container yet. */
  long freeSiteId() {
    while (true) {
      long siteId = ThreadLocalRandom.current().nextLong(990_000, 1_000_000);
      try {
        docker.inspectContainerCmd(DockerNames.container(siteId)).exec();
      } catch (NotFoundException free) {
        return siteId;
      }
    }
  }

  /** Starts the site's container running {@code sh -c script}; returns its site id. */
  long run(String script) {
    long siteId = freeSiteId();
    sites.add(siteId);
    docker
        .createContainerCmd("debian:bookworm-slim")
        .withName(DockerNames.container(siteId))
        .withLabels(Map.of(DockerNames.LABEL_SITE, Long.toString(siteId)))
        .withCmd("sh", "-c", script)
        .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none"))
        .exec();
    docker.startContainerCmd(DockerNames.container(siteId)).exec();
    return siteId;
  }

  /** Runs {@code sh -c command} inside the site's container and waits for it. */
  void exec(long siteId, String command) throws InterruptedException {
    ExecCreateCmdResponse exec =
        docker
            .execCreateCmd(DockerNames.container(siteId))
            .withCmd("sh", "-c", command)
            .withAttachStdout(true)
            .withAttachStderr(true)
            .exec();
    docker.execStartCmd(exec.getId()).exec(new ResultCallback.Adapter<>()).awaitCompletion();
  }

  /** Whether the site's container has exited. */
  boolean exited(long siteId) {
    return !Boolean.TRUE.equals(
        docker.inspectContainerCmd(DockerNames.container(siteId)).exec().getState().getRunning());
  }

  @Override
  public void close() throws Exception {
    for (long siteId : sites) {
      try {
        docker.removeContainerCmd(DockerNames.container(siteId)).withForce(true).exec();
      } catch (NotFoundException gone) {
        // Already removed.
      }
    }
    docker.close();
  }
}
