package io.berth.activities.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real BIND that infra/scripts/bind.sh starts (on 127.0.0.1, {@code BERTH_DNS_PORT} or 5300,
 * files in {@code $BERTH_HOME/bind}), started by {@link #ensureRunning} if it does not run.
 */
public final class BindServer {

  public static final String HOST = "127.0.0.1";

  private BindServer() {}

  /** Starts BIND with bind.sh unless it listens and has its update key. */
  public static void ensureRunning() throws IOException, InterruptedException {
    if (!listening(port()) || !Files.exists(directory().resolve("update.key"))) {
      Process up =
          new ProcessBuilder(repositoryRoot().resolve("infra/scripts/bind.sh").toString(), "up")
              .inheritIO()
              .start();
      assertThat(up.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(up.exitValue()).as("bind.sh up").isZero();
    }
  }

  public static int port() {
    String p = System.getenv("BERTH_DNS_PORT");
    return p != null ? Integer.parseInt(p) : 5300;
  }

  /** named's files: keys, rndc.conf, zones/. */
  public static Path directory() {
    String home = System.getenv("BERTH_HOME");
    return (home != null ? Path.of(home) : repositoryRoot().resolve(".berth")).resolve("bind");
  }

  /** Points a Spring test's {@code berth.dns.*} (server and resolver) at this BIND. */
  public static void register(DynamicPropertyRegistry properties) {
    properties.add("berth.dns.port", BindServer::port);
    properties.add("berth.dns.resolver.port", BindServer::port);
    properties.add("berth.dns.tsig-key-file", () -> directory().resolve("update.key"));
    properties.add("berth.dns.rndc-conf", () -> directory().resolve("rndc.conf"));
    properties.add("berth.dns.zone-directory", () -> directory().resolve("zones"));
  }

  /** The adapter as the worker configures it by default. */
  public static BindDnsZones zones() {
    return new BindDnsZones(
        new BindDnsZones.Settings(
            HOST,
            port(),
            directory().resolve("update.key"),
            "rndc",
            directory().resolve("rndc.conf"),
            directory().resolve("zones"),
            "ns1.berth.test",
            "127.0.0.1",
            "hostmaster.berth.test",
            3600,
            Duration.ofSeconds(5)));
  }

  /** A zone name no other test uses, e.g. {@code t1f3a….test}. */
  public static String newZoneName() {
    return "t"
        + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE)
        + ".test";
  }

  static Path repositoryRoot() {
    Path root = Path.of("").toAbsolutePath();
    while (!Files.exists(root.resolve("infra/scripts/bind.sh"))) {
      root = root.getParent();
    }
    return root;
  }

  static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(HOST, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
