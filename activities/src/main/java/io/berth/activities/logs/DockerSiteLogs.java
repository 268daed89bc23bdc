package io.berth.activities.logs;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.berth.activities.docker.DockerNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link SiteLogs} of the sites' containers: what the app wrote to stdout and stderr, from Docker's
 * log of container {@code berth-site-<siteId>} with Docker's timestamps. A followed log reads
 * Docker's stream on docker-java's own thread and hands each line to the sink there, so a slow sink
 * slows the stream down instead of buffering it; closing the follow closes the stream.
 */
public final class DockerSiteLogs implements SiteLogs {

  private static final Duration TAIL_TIMEOUT = Duration.ofSeconds(30);

  private final DockerClient docker;

  public DockerSiteLogs(DockerClient docker) {
    this.docker = docker;
  }

  @Override
  public boolean hasSite(long siteId) {
    try {
      docker.inspectContainerCmd(DockerNames.container(siteId)).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  @Override
  public List<LogLine> tail(long siteId, int lines) {
    List<LogLine> collected = new ArrayList<>();
    DockerLogStream stream = start(siteId, lines, false, collected::add);
    try {
      if (!stream.awaitEnd(TAIL_TIMEOUT)) {
        throw new IllegalStateException(
            "Docker did not send the log of site " + siteId + " within " + TAIL_TIMEOUT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading the log of site " + siteId, e);
    } finally {
      stream.close();
    }
    stream.rethrowFailure(siteId);
    return collected;
  }

  @Override
  public LogFollow follow(long siteId, int tail, LineSink sink) {
    if (!hasSite(siteId)) {
      throw new SiteNotOnHostException(siteId);
    }
    return start(siteId, tail, true, sink);
  }

  private DockerLogStream start(long siteId, int tail, boolean follow, LineSink sink) {
    try {
      return docker
          .logContainerCmd(DockerNames.container(siteId))
          .withStdOut(true)
          .withStdErr(true)
          .withTimestamps(true)
          .withTail(tail)
          .withFollowStream(follow)
          .exec(new DockerLogStream(sink));
    } catch (NotFoundException e) {
      throw new SiteNotOnHostException(siteId);
    }
  }
}
