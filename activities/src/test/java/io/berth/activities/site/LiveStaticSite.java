package io.berth.activities.site;

import io.berth.activities.docker.ContainerRuntime;
import io.berth.activities.testing.PlatformRows;
import io.berth.workflows.common.PlanLimits;
import io.berth.workflows.site.ContainerSpec;
import io.berth.workflows.site.RouteSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

/**
 * A static site set up on the host step by step as the site workflow provisions one (network,
 * container, route, health), with the site's row in the platform database.
 */
final class LiveStaticSite {

  final long id;
  final long customer;
  final String name;
  final int port;

  private LiveStaticSite(long id, long customer, String name, int port) {
    this.id = id;
    this.customer = customer;
    this.name = name;
    this.port = port;
  }

  static LiveStaticSite provision(SiteHostActivitiesImpl host, PlatformRows rows, PlanLimits limits)
      throws InterruptedException {
    long customer = rows.customer();
    String name = PlatformRows.uniqueName("s");
    int port = freePort();
    LiveStaticSite site =
        new LiveStaticSite(rows.site(customer, name, "static", null, port), customer, name, port);
    host.ensureNetwork(customer);
    host.ensureContainer(site.container(limits));
    host.ensureRoute(site.route());
    site.awaitHealthy(host);
    return site;
  }

  ContainerSpec container(PlanLimits limits) {
    return new ContainerSpec(id, customer, name, "static", port, limits);
  }

  RouteSpec route() {
    return new RouteSpec(id, name, port);
  }

  /** Puts a file into the site's files (its volume), through the running container. */
  void writeFile(ContainerRuntime containers, String fileName, String content) {
    var written =
        containers.run(
            id,
            List.of("sh", "-c", "cat > /srv/site/" + fileName),
            content,
            Duration.ofSeconds(20));
    if (written.exitCode() != 0) {
      throw new IllegalStateException("Could not write " + fileName + ": " + written.stderr());
    }
  }

  /** As the workflow's health step: retried until the proxy answers 200 for the site. */
  private void awaitHealthy(SiteHostActivitiesImpl host) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try {
        host.checkHealth(route());
        return;
      } catch (IllegalStateException notYet) {
        if (System.nanoTime() > deadline) {
          throw notYet;
        }
        Thread.sleep(200);
      }
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
