package io.berth.worker.agent;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.HostConfig;
import io.berth.activities.docker.DockerNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Site containers of {@code debian:bookworm-slim} running a shell script, under site ids no one
 * else uses (990000 and up), removed on close.
 */
final class AgentContainers implements AutoCloseable {

  private final DockerClient docker;
  private final List<Long> sites = new ArrayList<>();

  AgentContainers(DockerClient docker) {
    this.docker = docker;
  }

  /** A site id in 990000–999999 that has no container. */
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

  /** Starts a site container running {@code sh -c script}; returns its site id. */
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

  /** Runs {@code sh -c command} in the site's container and waits for it to finish. */
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

  @Override
  public void close() {
    for (long siteId : sites) {
      try {
        docker.removeContainerCmd(DockerNames.container(siteId)).withForce(true).exec();
      } catch (NotFoundException gone) {
        // Already removed.
      }
    }
  }
}
