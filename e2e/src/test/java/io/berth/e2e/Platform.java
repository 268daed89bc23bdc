package io.berth.e2e;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleClientOptions;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.GlobalDataConverter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The packaged Berth platform for system tests, on the real services {@code ./berth services up}
 * started: a fresh platform database, its own Temporal namespace, the shared nginx on 8880 and the
 * local Docker engine. Leftovers of earlier runs (containers, volumes, networks, routes, workflows)
 * are removed first, so site ids that restart at 1 meet nothing old.
 */
final class Platform implements AutoCloseable {

  static final Path ROOT =
      Path.of(System.getProperty("berth.root", "..")).toAbsolutePath().normalize();
  static final Path HOME = ROOT.resolve(".berth");
  static final String DATABASE = "berth_e2e";
  static final Path JARS = HOME.resolve("e2e/jars");
  static final String NAMESPACE = "berth-e2e";
  static final String SUPPORT_EMAIL = "support@berth.test";
  static final String SUPPORT_PASSWORD = "Support-e2e-password-1";
  static final int PANEL_PORT = 8080;
  static final int PROXY_PORT = 8880;
  static final int PROXY_HTTPS_PORT = 8443;

  /** Where the worker keeps its backups: emptied with the database, whose backup ids restart. */
  static final Path BACKUPS = HOME.resolve("e2e/backups");

  /**
   * stripe-mock takes any key shaped {@code sk_test_<one word>} (no further underscore); Stripe
   * itself would refuse this one.
   */
  static final String STRIPE_API_KEY = "sk_test_berthe2e";

  static final String STRIPE_API_BASE = "http://127.0.0.1:12111";

  /** The panel's Stripe webhook secret, new for every run as an operator would rotate it. */
  final String stripeWebhookSecret = "whsec_" + randomHex(24);

  private final List<Process> processes = new ArrayList<>();
  private final Map<String, Path> jars = new HashMap<>();
  private final Map<String, String> extraEnvironment;

  /**
   * The worker's host agent port (live logs, backup archives, metrics), free when the platform was
   * made; a restarted worker takes it again, and the panel finds it through the host's row.
   */
  final int agentPort = freePort();

  private Process worker;
  final DockerClient docker = docker();
  final WorkflowClient temporal =
      WorkflowClient.newInstance(
          WorkflowServiceStubs.newServiceStubs(
              WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:7233").build()),
          WorkflowClientOptions.newBuilder().setNamespace(NAMESPACE).build());

  private Platform(Map<String, String> extraEnvironment) {
    this.extraEnvironment = Map.copyOf(extraEnvironment);
  }

  /** Starts panel and worker from their jars, as an operator runs them on a host. */
  static Platform fromJars() throws Exception {
    return fromJars(Map.of());
  }

  /**
   * Starts panel and worker from their jars with more settings for both, e.g. {@code
   * BERTH_BACKUP_SCHEDULE_INTERVAL} to have backup schedules fire every few seconds.
   */
  static Platform fromJars(Map<String, String> extraEnvironment) throws Exception {
    Platform platform = new Platform(extraEnvironment);
    try {
      platform.reset();
      platform.startWorker();
      platform.start("panel", List.of("java", "-jar", platform.jar("web-panel").toString()));
      platform.awaitPanel();
      return platform;
    } catch (Exception | Error e) {
      // No process of a platform that never came up may outlive the test.
      platform.close();
      throw e;
    }
  }

  /** Starts the whole platform with the launcher, exactly as README tells a newcomer. */
  static Platform fromLauncher() throws Exception {
    Platform platform = new Platform(Map.of());
    try {
      platform.reset();
      // The launcher runs these copies (BERTH_JAR_DIR), as it would jars built elsewhere.
      platform.jar("web-panel");
      platform.jar("worker");
      platform.start("launcher", List.of(ROOT.resolve("berth").toString(), "run"));
      platform.awaitPanel();
      return platform;
    } catch (Exception | Error e) {
      platform.close();
      throw e;
    }
  }

  void startWorker() throws IOException {
    worker = start("worker", List.of("java", "-jar", jar("worker").toString()));
  }

  /** SIGKILL: the worker gets no chance to finish or report anything. */
  void killWorker() throws InterruptedException {
    worker.destroyForcibly();
    worker.waitFor();
  }

  /** Runs the action once, on the Docker event that a site container was created. */
  Closeable onContainerCreated(ThrowingAction action) {
    return docker
        .eventsCmd()
        .withEventTypeFilter(com.github.dockerjava.api.model.EventType.CONTAINER)
        .withEventFilter("create")
        .withLabelFilter("io.berth.site")
        .exec(
            new ResultCallback.Adapter<Event>() {
              private boolean done;

              @Override
              public void onNext(Event event) {
                if (!done) {
                  done = true;
                  try {
                    action.run();
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                }
              }
            });
  }

  /**
   * Runs the action on every Docker event that a container with an {@code io.berth.role} label (a
   * backup, verification or restore helper) was created; an action that fails is reported and the
   * watch goes on.
   */
  Closeable onHelperContainerCreated(ThrowingAction action) {
    return docker
        .eventsCmd()
        .withEventTypeFilter(com.github.dockerjava.api.model.EventType.CONTAINER)
        .withEventFilter("create")
        .withLabelFilter("io.berth.role")
        .exec(
            new ResultCallback.Adapter<Event>() {
              @Override
              public void onNext(Event event) {
                try {
                  action.run();
                } catch (Exception e) {
                  System.err.println("helper container watch: " + e);
                }
              }
            });
  }

  interface ThrowingAction {
    void run() throws Exception;
  }

  String panelUrl() {
    return "http://127.0.0.1:" + PANEL_PORT;
  }

  /** The worker's host agent, on loopback. */
  String agentUrl() {
    return "http://127.0.0.1:" + agentPort;
  }

  /** Containers of a site, running or not. */
  List<Container> containersOfSite(long siteId) {
    return docker
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of("io.berth.site", Long.toString(siteId)))
        .exec();
  }

  /**
   * Throws the site's container away and has its workflow make a new one, as an image upgrade does:
   * only what lives on the site's volume and in its database may survive.
   */
  void recreateSiteContainer(long siteId) {
    for (Container c : containersOfSite(siteId)) {
      docker.removeContainerCmd(c.getId()).withForce(true).exec();
    }
    temporal.newUntypedWorkflowStub("site-" + siteId).signal("environmentChanged");
  }

  /**
   * Runs a command in a running container with the docker CLI, as an operator would, as the
   * container's own user; returns its standard output and fails on a non-zero exit.
   */
  static String exec(String container, String... command) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of("docker", "exec", "-i", container));
    argv.addAll(List.of(command));
    Process process = new ProcessBuilder(argv).redirectErrorStream(false).start();
    process.getOutputStream().close();
    byte[] err;
    String out;
    try (var stderr = process.getErrorStream()) {
      out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      err = stderr.readAllBytes();
    }
    if (process.waitFor() != 0) {
      throw new IllegalStateException(
          String.join(" ", argv) + " failed: " + new String(err, StandardCharsets.UTF_8) + out);
    }
    return out;
  }

  /** The one running container of a site (waits no time: the caller knows it runs). */
  String siteContainer(long siteId) {
    return containersOfSite(siteId).stream()
        .filter(c -> "running".equals(c.getState()))
        .map(c -> c.getNames()[0].substring(1))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no running container of site " + siteId));
  }

  /** The MariaDB server container of the customer owning the site. */
  String databaseServerOfSite(long siteId) throws SQLException {
    String customerId =
        Long.toString(platformLong("SELECT customer_id FROM site WHERE id = ?", siteId));
    return docker
        .listContainersCmd()
        .withLabelFilter(Map.of("io.berth.role", "database", "io.berth.customer", customerId))
        .exec()
        .stream()
        .map(c -> c.getNames()[0].substring(1))
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException("no database server of customer " + customerId));
  }

  /** The name of the database made for the site (WordPress's). */
  String databaseOfSite(long siteId) throws SQLException {
    try (Connection c = platformDatabase();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT name FROM customer_database WHERE site_id = ? AND status <> 'DELETED'")) {
      q.setLong(1, siteId);
      try (ResultSet row = q.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException("no database of site " + siteId);
        }
        return row.getString(1);
      }
    }
  }

  private static long platformLong(String sql, long parameter) throws SQLException {
    try (Connection c = platformDatabase();
        PreparedStatement q = c.prepareStatement(sql)) {
      q.setLong(1, parameter);
      try (ResultSet row = q.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException("nothing for " + sql + " with " + parameter);
        }
        return row.getLong(1);
      }
    }
  }

  /** Route files of a site in the proxy's config. */
  List<Path> routesOfSite(long siteId) throws IOException {
    try (Stream<Path> files = Files.list(HOME.resolve("nginx/sites"))) {
      return files
          .filter(f -> f.getFileName().toString().equals("site-" + siteId + ".conf"))
          .toList();
    }
  }

  /** GET through the proxy with the site's host name, as a visitor's browser would send it. */
  static ProxyClient.Answer visit(String siteName) throws IOException {
    return ProxyClient.fetch(siteName + ".berth.localhost", PROXY_PORT);
  }

  /**
   * The ACME CA's current root (Pebble makes a new one at every start), fetched from its management
   * API over TLS checked against the CA {@code services.sh} made for Pebble's listener.
   */
  static Path acmeRoot() throws IOException, InterruptedException {
    Path root = Files.createTempFile("berth-acme-root", ".pem");
    Process curl =
        new ProcessBuilder(
                "curl",
                "-sS",
                "--fail",
                "--noproxy",
                "*",
                "--cacert",
                HOME.resolve("pebble/ca.pem").toString(),
                "-o",
                root.toString(),
                "https://127.0.0.1:15000/roots/0")
            .redirectErrorStream(true)
            .start();
    String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (curl.waitFor() != 0) {
      throw new IllegalStateException("Pebble's root could not be fetched: " + out);
    }
    return root;
  }

  /**
   * Points the machine's one mail stack (Postfix, Dovecot) at {@code database}: {@code services.sh
   * up mail} re-renders their SQL maps and reloads them.
   */
  static void pointMailAt(String database) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(ROOT.resolve("infra/scripts/services.sh").toString(), "up", "mail")
            .redirectErrorStream(true);
    builder.environment().put("BERTH_HOME", HOME.toString());
    builder.environment().put("BERTH_MAIL_DB_NAME", database);
    Process up = builder.start();
    String out = new String(up.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (up.waitFor() != 0) {
      throw new IllegalStateException(
          "The mail stack could not be pointed at " + database + ": " + out);
    }
  }

  /**
   * What the panel stored of an order's Stripe Checkout: the session id, and the Stripe customer it
   * was made for (null when Checkout was left to create one). Stripe knows both when it reports the
   * payment; stripe-mock keeps nothing, so a test playing Stripe reads them here.
   */
  record StripeCheckout(String sessionId, String customerId) {}

  StripeCheckout stripeCheckoutOf(long orderId) throws SQLException {
    try (Connection c = platformDatabase();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT o.checkout_session_id, c.stripe_customer_id FROM orders o"
                    + " JOIN customer c ON c.id = o.customer_id WHERE o.id = ?")) {
      q.setLong(1, orderId);
      try (ResultSet row = q.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException("no order " + orderId);
        }
        return new StripeCheckout(row.getString(1), row.getString(2));
      }
    }
  }

  /**
   * The first argument of each signal of this name that the workflow's current run was sent, in the
   * order they arrived.
   */
  <T> List<T> signalArguments(String workflowId, String signalName, Class<T> type) {
    DataConverter converter = GlobalDataConverter.get();
    return temporal.fetchHistory(workflowId).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED)
        .map(HistoryEvent::getWorkflowExecutionSignaledEventAttributes)
        .filter(a -> a.getSignalName().equals(signalName))
        .map(a -> converter.fromPayloads(0, Optional.of(a.getInput()), type, type))
        .toList();
  }

  /** Removes a zone a previous run may have left on Berth's BIND; no error if it is not there. */
  static void deleteZone(String zone) throws IOException, InterruptedException {
    new ProcessBuilder(
            "rndc", "-c", HOME.resolve("bind/rndc.conf").toString(), "delzone", "-clean", zone)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start()
        .waitFor();
  }

  private Process start(String name, List<String> command) throws IOException {
    Path log = HOME.resolve("logs/e2e-" + name + ".log");
    Files.createDirectories(log.getParent());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment());
    Process process = builder.start();
    processes.add(process);
    return process;
  }

  /**
   * What an operator sets for this platform. Panel and worker both talk to stripe-mock: paid plans
   * are sold through Stripe Checkout, and billing runs on the default grace and termination
   * periods.
   */
  private Map<String, String> environment() {
    Map<String, String> environment =
        new HashMap<>(
            Map.ofEntries(
                Map.entry("BERTH_HOME", HOME.toString()),
                Map.entry("BERTH_SKIP_BUILD", "1"),
                Map.entry("BERTH_JAR_DIR", JARS.toString()),
                Map.entry("BERTH_DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + DATABASE),
                Map.entry("BERTH_DB_USER", "berth"),
                Map.entry("BERTH_DB_PASSWORD", "berth"),
                Map.entry("BERTH_TEMPORAL_NAMESPACE", NAMESPACE),
                Map.entry("BERTH_ADMIN_EMAIL", SUPPORT_EMAIL),
                Map.entry("BERTH_ADMIN_PASSWORD", SUPPORT_PASSWORD),
                Map.entry("BERTH_HOST_ID", "e2e"),
                Map.entry("BERTH_PROXY_PREFIX", HOME.resolve("nginx").toString()),
                Map.entry("BERTH_PANEL_PUBLIC_URL", panelUrl()),
                Map.entry("BERTH_STRIPE_API_KEY", STRIPE_API_KEY),
                Map.entry("BERTH_STRIPE_API_BASE", STRIPE_API_BASE),
                Map.entry("BERTH_STRIPE_WEBHOOK_SECRET", stripeWebhookSecret),
                Map.entry("BERTH_BILLING_GRACE", "7d"),
                Map.entry("BERTH_BILLING_TERMINATION", "30d"),
                // The worker's agent on a port of its own, its backups under the test's home, and
                // usage sampled often enough for a chart within seconds.
                Map.entry("BERTH_AGENT_PORT", Integer.toString(agentPort)),
                Map.entry("BERTH_BACKUP_DIR", BACKUPS.toString()),
                Map.entry("BERTH_USAGE_INTERVAL", "2s")));
    environment.putAll(extraEnvironment);
    return environment;
  }

  private void awaitPanel() throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    // Generous: on a busy two-core machine the panel has been seen to need over four minutes.
    long deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<Void> response =
            http.send(
                HttpRequest.newBuilder(URI.create(panelUrl() + "/api/v1/plans")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      for (Process p : processes) {
        if (!p.isAlive()) {
          throw new IllegalStateException("A platform process exited early: see " + HOME + "/logs");
        }
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("The panel did not answer within 8 minutes");
  }

  private static void unlessRaced(Runnable removal) {
    try {
      removal.run();
    } catch (NotFoundException | ConflictException raced) {
      // Removed by its owner meanwhile, or in use by something made after the listing.
    }
  }

  private static Connection platformDatabase() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:5432/" + DATABASE, "berth", "berth");
  }

  /** The Temporal Schedules of the platform's namespace (the sites' daily backups). */
  ScheduleClient schedules() {
    return ScheduleClient.newInstance(
        temporal.getWorkflowServiceStubs(),
        ScheduleClientOptions.newBuilder().setNamespace(NAMESPACE).build());
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static int freePort() {
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    new SecureRandom().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  private void reset() throws SQLException, IOException, InterruptedException {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/postgres", "berth", "berth");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + DATABASE);
    }
    temporal
        .listExecutions("ExecutionStatus = 'Running'")
        .filter(e -> e.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING)
        .forEach(
            e ->
                temporal
                    .newUntypedWorkflowStub(e.getExecution().getWorkflowId())
                    .terminate("reset by a new system-test run"));
    // Backup schedules of sites whose ids restart at 1 must not fire for the new ones.
    schedules()
        .listSchedules()
        .filter(schedule -> schedule.getScheduleId().startsWith("backup-site-"))
        .forEach(schedule -> schedules().getHandle(schedule.getScheduleId()).delete());
    // So are earlier runs' backups: backup ids restart at 1 as well.
    deleteTree(BACKUPS);
    // Site containers and customers' database servers, with their volumes. Tests of other modules
    // may create and remove such objects meanwhile: one gone already, or one in use by a container
    // made after the listing (not a leftover), is left alone.
    for (String filter : List.of("io.berth.site", "io.berth.role=database")) {
      for (Container c :
          docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(filter)).exec()) {
        unlessRaced(() -> docker.removeContainerCmd(c.getId()).withForce(true).exec());
      }
      docker
          .listVolumesCmd()
          .withFilter("label", List.of(filter))
          .exec()
          .getVolumes()
          .forEach(v -> unlessRaced(() -> docker.removeVolumeCmd(v.getName()).exec()));
    }
    docker.listNetworksCmd().exec().stream()
        .filter(n -> n.getName().startsWith("berth-net-"))
        .forEach(n -> unlessRaced(() -> docker.removeNetworkCmd(n.getId()).exec()));
    Path sites = HOME.resolve("nginx/sites");
    if (Files.isDirectory(sites)) {
      try (Stream<Path> files = Files.list(sites)) {
        for (Path f : files.filter(f -> f.toString().endsWith(".conf")).toList()) {
          Files.deleteIfExists(f);
        }
      }
      // Nor may their access logs be shown as the new sites' proxy logs.
      Path logs = HOME.resolve("nginx/logs");
      if (Files.isDirectory(logs)) {
        try (Stream<Path> files = Files.list(logs)) {
          for (Path f :
              files
                  .filter(f -> f.getFileName().toString().matches("site-\\d+\\.access\\.log"))
                  .toList()) {
            Files.deleteIfExists(f);
          }
        }
      }
      // Certificates of sites whose ids restart at 1 must not be served for the new ones.
      Path tls = HOME.resolve("nginx/tls");
      if (Files.isDirectory(tls)) {
        try (Stream<Path> files = Files.list(tls)) {
          for (Path f : files.filter(Files::isRegularFile).toList()) {
            Files.deleteIfExists(f);
          }
        }
      }
      new ProcessBuilder(
              "nginx",
              "-s",
              "reload",
              "-c",
              HOME.resolve("nginx/nginx.conf").toString(),
              "-p",
              HOME.resolve("nginx").toString())
          .inheritIO()
          .start()
          .waitFor();
    }
  }

  /**
   * The module's packaged jar, copied once per platform: a build running beside the tests may
   * rewrite {@code target/} while a started JVM still reads classes from its jar.
   */
  private Path jar(String module) throws IOException {
    Path copy = jars.get(module);
    if (copy == null) {
      Path dir = Files.createDirectories(JARS);
      copy = dir.resolve(module + ".jar");
      Files.copy(builtJar(module), copy, StandardCopyOption.REPLACE_EXISTING);
      jars.put(module, copy);
    }
    return copy;
  }

  private static Path builtJar(String module) throws IOException {
    try (Stream<Path> files = Files.list(ROOT.resolve(module).resolve("target"))) {
      return files
          .filter(f -> f.getFileName().toString().matches(module + "-[0-9.]+(-SNAPSHOT)?\\.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("build " + module + " first (mvn package)"));
    }
  }

  private static DockerClient docker() {
    DefaultDockerClientConfig config =
        DefaultDockerClientConfig.createDefaultConfigBuilder().build();
    return DockerClientImpl.getInstance(
        config, new ApacheDockerHttpClient.Builder().dockerHost(config.getDockerHost()).build());
  }

  @Override
  public void close() throws Exception {
    for (Process p : processes) {
      p.destroy();
    }
    for (Process p : processes) {
      if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
    temporal.getWorkflowServiceStubs().shutdown();
    docker.close();
  }
}
