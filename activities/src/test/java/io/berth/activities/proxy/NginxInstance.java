package io.berth.activities.proxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A private nginx for one test class: the repository's {@code infra/nginx} rendered into a temp
 * prefix exactly as {@code infra/scripts/services.sh} does, listening on a free loopback port; its
 * routes get another free port for HTTPS. Public for the site journeys, which point {@code
 * berth.proxy.*} at it.
 */
public final class NginxInstance implements AutoCloseable {

  public static final String DOMAIN = "berth.localhost";

  private final Path prefix;
  private final int port;
  private final int httpsPort;

  private NginxInstance(Path prefix, int port, int httpsPort) {
    this.prefix = prefix;
    this.port = port;
    this.httpsPort = httpsPort;
  }

  public static NginxInstance start() throws IOException, InterruptedException {
    Path root = repositoryRoot();
    Path prefix = Files.createTempDirectory("berth-nginx-it-");
    // nginx's workers run as nobody and must reach html/ through the prefix.
    Files.setPosixFilePermissions(prefix, PosixFilePermissions.fromString("rwxr-xr-x"));
    for (String dir :
        List.of(
            "sites", "logs", "tmp", "html", "tls", "acme-challenge/.well-known/acme-challenge")) {
      Files.createDirectories(prefix.resolve(dir));
    }
    try (Stream<Path> pages = Files.list(root.resolve("infra/nginx/html"))) {
      for (Path page : pages.filter(p -> p.toString().endsWith(".html")).toList()) {
        Files.copy(page, prefix.resolve("html").resolve(page.getFileName()));
      }
    }
    int port = freePort();
    int httpsPort = freePort();
    while (httpsPort == port) {
      httpsPort = freePort();
    }
    String conf =
        Files.readString(root.resolve("infra/nginx/nginx.conf.template"))
            .replace("@PREFIX@", prefix.toString())
            .replace("@LISTEN@", "127.0.0.1:" + port)
            .replace("@HTTPS_LISTEN@", "127.0.0.1:" + httpsPort);
    Files.writeString(prefix.resolve("nginx.conf"), conf);
    NginxInstance nginx = new NginxInstance(prefix, port, httpsPort);
    Command.Result started = nginx.nginxCommand();
    if (started.exitCode() != 0) {
      throw new IllegalStateException("nginx did not start: " + started.output());
    }
    nginx.awaitListening(Duration.ofSeconds(10));
    return nginx;
  }

  /** An adapter on this instance, configured as the worker would be. */
  public NginxReverseProxy proxy() {
    return new NginxReverseProxy(prefix, listen(), httpsListen(), "nginx", DOMAIN);
  }

  /** The challenge files this instance serves. */
  HttpChallengeFiles challenges() {
    return new HttpChallengeFiles(prefix);
  }

  public String listen() {
    return "127.0.0.1:" + port;
  }

  public String httpsListen() {
    return "127.0.0.1:" + httpsPort;
  }

  public Path prefix() {
    return prefix;
  }

  public Path sites() {
    return prefix.resolve("sites");
  }

  public int port() {
    return port;
  }

  int httpsPort() {
    return httpsPort;
  }

  Path tls() {
    return prefix.resolve("tls");
  }

  /** nginx's worker processes; a reload replaces them. */
  Set<Long> workerPids() throws IOException {
    long master = Long.parseLong(Files.readString(prefix.resolve("nginx.pid")).trim());
    return ProcessHandle.of(master)
        .orElseThrow()
        .children()
        .map(ProcessHandle::pid)
        .collect(Collectors.toSet());
  }

  /** Waits until the workers left over from earlier reloads have gone. */
  Set<Long> awaitSettledWorkers() throws IOException, InterruptedException {
    Instant deadline = Instant.now().plusSeconds(10);
    Set<Long> workers = workerPids();
    while (workers.size() != 1 && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
      workers = workerPids();
    }
    return workers;
  }

  /**
   * Every file of the config (nginx.conf, sites/, html/) with its bytes; not logs or temp files.
   */
  Map<String, String> configSnapshot() throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(prefix)) {
      for (Path file : all.filter(Files::isRegularFile).toList()) {
        String name = prefix.relativize(file).toString();
        if (name.startsWith("logs/") || name.startsWith("tmp/") || name.equals("nginx.pid")) {
          continue;
        }
        files.put(name, new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    }
    return files;
  }

  /** File names in sites/. */
  List<String> siteFileNames() throws IOException {
    try (Stream<Path> files = Files.list(sites())) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    try {
      Path pidFile = prefix.resolve("nginx.pid");
      if (Files.exists(pidFile)) {
        long master = Long.parseLong(Files.readString(pidFile).trim());
        nginxCommand("-s", "stop");
        ProcessHandle.of(master)
            .ifPresent(
                p -> {
                  try {
                    p.onExit().get(10, TimeUnit.SECONDS);
                  } catch (Exception e) {
                    p.destroyForcibly();
                  }
                });
      }
    } finally {
      try (Stream<Path> all = Files.walk(prefix)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private Command.Result nginxCommand(String... action) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("nginx"));
    command.addAll(List.of(action));
    command.addAll(List.of("-c", prefix.resolve("nginx.conf").toString(), "-p", prefix.toString()));
    return Command.run(command);
  }

  private void awaitListening(Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException("nginx did not open port " + port);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The checkout's root: the nearest directory above the working directory with infra/nginx. */
  static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("infra/nginx/nginx.conf.template"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "No infra/nginx/nginx.conf.template above " + Path.of("").toAbsolutePath());
  }
}
