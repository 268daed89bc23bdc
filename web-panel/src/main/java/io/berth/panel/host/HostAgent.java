package io.berth.panel.host;

import java.io.InputStream;

/**
 * The panel's way to the agent each host's worker serves (live logs, backup archives): the agent's
 * address and bearer token come from the host's row, which the worker refreshes with its heartbeat.
 * The panel never talks to a Docker engine itself.
 */
public interface HostAgent {

  /**
   * Opens {@code GET <agent>/<pathAndQuery>} on the agent of host {@code hostId} and returns the
   * answer's body as it arrives (a followed log stays open until the stream is closed). The caller
   * closes the stream.
   *
   * @param pathAndQuery e.g. {@code agent/v1/sites/7/logs?source=app&tail=200&follow=true}
   * @throws io.berth.panel.common.NotFoundException when the agent answers 404 (no such container
   *     or backup on that host)
   * @throws io.berth.panel.common.ServiceUnavailableException when the host is unknown, its agent
   *     is not reachable or answers anything else
   */
  InputStream open(String hostId, String pathAndQuery);
}
