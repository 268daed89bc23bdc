package io.berth.activities.database;

import static io.berth.activities.database.DatabaseNames.LABEL_ROLE;
import static io.berth.activities.database.DatabaseNames.ROLE_DATABASE;
import static io.berth.activities.docker.DockerNames.LABEL_CUSTOMER;
import static io.berth.activities.docker.DockerNames.LABEL_SPEC_HASH;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.BadRequestException;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.RestartPolicy;
import io.berth.activities.common.PermanentException;
import io.berth.activities.docker.ContainerRuntime;
import io.berth.activities.docker.DockerEngineException;
import io.berth.activities.docker.DockerObjects;
import io.berth.activities.docker.DockerObjects.ExecResult;
import io.berth.workflows.common.FailureType;
import io.berth.workflows.common.PlanLimits;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CustomerDatabases} with one MariaDB container per customer (image {@code berth/mariadb},
 * built from Debian's {@code mariadb-server} in {@code infra/images/mariadb}).
 *
 * <p>The container ({@link DatabaseNames#container}) joins only the customer's bridge network,
 * publishes no port, runs as the image's {@code mysql} user with no capabilities, {@code
 * no-new-privileges}, a read-only root filesystem with a tmpfs {@code /tmp}, the given memory (no
 * swap), CPU and a pids limit; its data is on the named volume {@link DatabaseNames#volume}. A
 * spec-hash label records what the container was made from; a different hash (new image, new
 * limits, network made anew) means it is stopped cleanly and re-created on the same volume.
 *
 * <p>SQL reaches the server through {@code docker exec} of the {@code mariadb} client inside the
 * server's own container, as the {@code mysql} OS user, over the server's unix socket: MariaDB
 * authenticates that account by the socket's peer credentials, so the worker needs no network path
 * to the customer's network and no password to administer the server. The SQL, which carries the
 * passwords being set, goes over the exec's stdin, so no secret is ever on a command line, in an
 * environment variable, in a file or in the container's config. Names are validated by {@link
 * DatabaseNames} before they are quoted into SQL, passwords are restricted by {@link Secret} and
 * escaped; errors are reported with every password of the statement masked.
 */
public class MariaDbCustomerDatabases implements CustomerDatabases {

  /** Where the image keeps its data. */
  static final String DATA_PATH = "/var/lib/mysql";

  /** Seconds MariaDB gets to flush and shut down before it is killed. */
  static final int STOP_TIMEOUT_SECONDS = 30;

  private static final String LAYOUT_VERSION = "1";
  private static final String OS_USER = "mysql";
  private static final String TMPFS_OPTIONS = "rw,nosuid,nodev,noexec,size=64m,mode=1777";
  private static final Map<String, String> LOG_OPTIONS = Map.of("max-size", "10m", "max-file", "3");
  private static final int CREATE_ATTEMPTS = 5;
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration SQL_TIMEOUT = Duration.ofSeconds(60);
  private static final Pattern SQL_ERROR =
      Pattern.compile("ERROR (\\d+) \\([0-9A-Z]+\\)[^:]*: (.*)");

  /**
   * Ends every script: the engine's exec API does not pass on the end of stdin, so the client is
   * told to quit rather than left waiting for more input.
   */
  private static final String QUIT = "\\q\n";

  private static final Logger log = LoggerFactory.getLogger(MariaDbCustomerDatabases.class);

  private final DockerClient docker;
  private final ContainerRuntime runtime;
  private final String image;
  private final String endpoint;
  private final DockerObjects objects;

  /**
   * @param runtime makes the customer's network, shared with the customer's sites
   * @param image the database image, e.g. {@code berth/mariadb:1}
   * @param endpoint the engine's address as configured, used in messages only
   */
  public MariaDbCustomerDatabases(
      DockerClient docker, ContainerRuntime runtime, String image, String endpoint) {
    this.docker = Objects.requireNonNull(docker, "docker");
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    this.image = Objects.requireNonNull(image, "image");
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.objects = new DockerObjects(docker, endpoint);
  }

  // ---- server ----

  @Override
  public DatabaseServer ensureServer(long customerId, DatabaseLimits limits, Secret rootPassword) {
    requirePositive(customerId);
    validate(limits);
    if (rootPassword == null) {
      throw new PermanentException(FailureType.INVALID_INPUT, "No root password given");
    }
    String name = DatabaseNames.container(customerId);
    String imageId = objects.imageId(image, "Database image");
    String network = runtime.ensureNetwork(customerId);
    String networkId = networkId(network);
    String volume = ensureVolume(customerId);
    String hash = specHash(customerId, limits, image, imageId, networkId);

    boolean running = false;
    for (int attempt = 1; attempt <= CREATE_ATTEMPTS && !running; attempt++) {
      Optional<InspectContainerResponse> existing = objects.container(name);
      boolean exists;
      if (existing.isEmpty()) {
        exists = createContainer(customerId, limits, networkId, volume, hash);
      } else {
        InspectContainerResponse container = existing.get();
        requireOwner("Container " + name, container.getConfig().getLabels(), customerId);
        if (hash.equals(container.getConfig().getLabels().get(LABEL_SPEC_HASH))) {
          exists = true;
        } else {
          log.info(
              "Replacing database container {} of customer {}: its spec changed", name, customerId);
          stopAndRemove(name);
          exists = createContainer(customerId, limits, networkId, volume, hash);
        }
      }
      running = exists && objects.startIfPresent(name);
      if (!running) {
        pause(attempt);
      }
    }
    if (!running) {
      throw new DockerEngineException(
          "Docker engine kept reporting a conflicting container " + name + "; will try again");
    }
    awaitReady(customerId);
    sql(
        customerId,
        "ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket OR mysql_native_password"
            + " USING PASSWORD("
            + literal(rootPassword)
            + ");",
        rootPassword);
    return new DatabaseServer(name, PORT, network);
  }

  @Override
  public void removeServer(long customerId) {
    requirePositive(customerId);
    String name = DatabaseNames.container(customerId);
    Optional<InspectContainerResponse> existing = objects.container(name);
    if (existing.isEmpty()) {
      return;
    }
    requireOwner("Container " + name, existing.get().getConfig().getLabels(), customerId);
    stopAndRemove(name);
  }

  // ---- databases and users ----

  @Override
  public void ensureDatabase(long customerId, String database, String user, Secret password) {
    requirePositive(customerId);
    DatabaseNames.requireDatabase(database);
    DatabaseNames.requireUser(user);
    requirePassword(password);
    String account = account(user);
    sql(
        customerId,
        String.join(
            "\n",
            "CREATE DATABASE IF NOT EXISTS "
                + identifier(database)
                + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;",
            "CREATE USER IF NOT EXISTS " + account + " IDENTIFIED BY " + literal(password) + ";",
            "ALTER USER " + account + " IDENTIFIED BY " + literal(password) + ";",
            "GRANT ALL PRIVILEGES ON " + grantTarget(database) + " TO " + account + ";"),
        password);
    log.info("Database {} with user {} ready for customer {}", database, user, customerId);
  }

  @Override
  public void resetPassword(long customerId, String user, Secret password) {
    requirePositive(customerId);
    DatabaseNames.requireUser(user);
    requirePassword(password);
    String found =
        sql(
            customerId,
            "SELECT COUNT(*) FROM mysql.global_priv WHERE User = '" + user + "' AND Host = '%';");
    if ("0".equals(found.trim())) {
      throw new PermanentException(
          FailureType.NOT_FOUND,
          "Database user " + user + " does not exist for customer " + customerId);
    }
    sql(
        customerId,
        "ALTER USER " + account(user) + " IDENTIFIED BY " + literal(password) + ";",
        password);
    log.info("Password of database user {} of customer {} reset", user, customerId);
  }

  @Override
  public void dropDatabase(long customerId, String database, String user) {
    requirePositive(customerId);
    DatabaseNames.requireDatabase(database);
    DatabaseNames.requireUser(user);
    if (objects.container(DatabaseNames.container(customerId)).isEmpty()) {
      return;
    }
    sql(
        customerId,
        String.join(
            "\n",
            "DROP DATABASE IF EXISTS " + identifier(database) + ";",
            "DROP USER IF EXISTS " + account(user) + ";"));
    log.info("Dropped database {} and user {} of customer {}", database, user, customerId);
  }

  // ---- SQL ----

  /**
   * Runs SQL as the server's administrator over its socket and returns what it printed (tab
   * separated, no column names). The secrets named are masked in any error message.
   */
  String sql(long customerId, String script, Secret... secrets) {
    String container = DatabaseNames.container(customerId);
    // A session that does not let the server treat backslashes in literals differently.
    String session = "SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION';\n";
    ExecResult result =
        exec(
            container,
            (session + script + "\n" + QUIT).getBytes(StandardCharsets.UTF_8),
            SQL_TIMEOUT,
            "mariadb",
            "--user=" + OS_USER,
            "--batch",
            "--raw",
            "--skip-column-names",
            "--connect-timeout=5");
    if (result.exitCode() == 0) {
      return result.stdout();
    }
    String stderr = mask(result.stderr(), secrets);
    Matcher error = SQL_ERROR.matcher(stderr);
    if (error.find()) {
      String reason = error.group(2);
      int near = reason.indexOf(" near '");
      if (secrets.length > 0 && near >= 0) {
        // A syntax error quotes the statement from where parsing failed: possibly a password.
        reason = reason.substring(0, near);
      }
      throw new DatabaseUnavailableException(
          "MariaDB of customer "
              + customerId
              + " refused the statement (error "
              + error.group(1)
              + "): "
              + shorten(reason));
    }
    throw new DatabaseUnavailableException(
        "MariaDB client in "
            + container
            + " failed with exit code "
            + result.exitCode()
            + (stderr.isBlank() ? "" : ": " + shorten(stderr)));
  }

  /** Waits until the server answers a query on its socket (the first start initialises it). */
  private void awaitReady(long customerId) {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      try {
        sql(customerId, "SELECT 1;");
        return;
      } catch (DatabaseUnavailableException e) {
        last = e;
      }
      pause(3);
    }
    throw new DatabaseUnavailableException(
        "MariaDB of customer "
            + customerId
            + " did not accept connections within "
            + READY_TIMEOUT.toSeconds()
            + " s; will try again",
        last);
  }

  private static String account(String user) {
    return "'" + user + "'@'%'";
  }

  private static String identifier(String name) {
    return "`" + name + "`";
  }

  /**
   * The database as a GRANT target. In a GRANT, {@code _} and {@code %} in a database name are
   * wildcards: {@code shop_1} would also match {@code shopx1}. Escaped, the grant covers exactly
   * the one database.
   */
  static String grantTarget(String database) {
    return "`" + database.replace("_", "\\_") + "`.*";
  }

  /** The password as a string literal; {@link Secret} keeps out spaces and control characters. */
  static String literal(Secret secret) {
    return "'" + secret.reveal().replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private static String mask(String text, Secret... secrets) {
    String masked = text;
    for (Secret secret : secrets) {
      masked = masked.replace(secret.reveal(), "***");
      masked = masked.replace(literal(secret), "'***'");
      masked = masked.replace(secret.reveal().replace("'", "\\'"), "***");
    }
    return masked;
  }

  // ---- exec ----

  private ExecResult exec(String container, byte[] stdin, Duration timeout, String... command) {
    try {
      return objects
          .exec(container, OS_USER, List.of(), stdin, timeout, command)
          .orElseThrow(
              () ->
                  new DatabaseUnavailableException(
                      "MariaDB client in "
                          + container
                          + " did not finish within "
                          + timeout.toSeconds()
                          + " s; will try again"));
    } catch (NotFoundException e) {
      throw new PermanentException(
          FailureType.NOT_FOUND,
          "Customer database server "
              + container
              + " does not exist on this host; it must be set up first");
    } catch (ConflictException e) {
      throw new DatabaseUnavailableException(
          "Customer database server " + container + " is not running; will try again");
    }
  }

  // ---- docker objects ----

  /** Creates the container; false if one of that name exists already or the network went away. */
  private boolean createContainer(
      long customerId, DatabaseLimits limits, String networkId, String volume, String hash) {
    String name = DatabaseNames.container(customerId);
    HostConfig hostConfig =
        HostConfig.newHostConfig()
            .withMemory(limits.memoryBytes())
            .withMemorySwap(limits.memoryBytes())
            .withNanoCPUs(limits.nanoCpus())
            .withPidsLimit((long) PlanLimits.PIDS_LIMIT)
            .withCapDrop(Capability.ALL)
            .withSecurityOpts(List.of("no-new-privileges:true"))
            .withRestartPolicy(RestartPolicy.unlessStoppedRestart())
            .withReadonlyRootfs(true)
            .withTmpFs(Map.of("/tmp", TMPFS_OPTIONS))
            .withNetworkMode(networkId)
            .withMounts(
                List.of(
                    new Mount()
                        .withType(MountType.VOLUME)
                        .withSource(volume)
                        .withTarget(DATA_PATH)))
            .withLogConfig(new LogConfig(LogConfig.LoggingType.JSON_FILE, LOG_OPTIONS));
    Map<String, String> labels = new LinkedHashMap<>(labels(customerId));
    labels.put(LABEL_SPEC_HASH, hash);
    return call(
        "create container " + name,
        () -> {
          try {
            docker
                .createContainerCmd(image)
                .withName(name)
                .withHostName("db-" + customerId)
                .withLabels(labels)
                .withStopTimeout(STOP_TIMEOUT_SECONDS)
                .withHostConfig(hostConfig)
                .exec();
            log.info(
                "Created database container {} for customer {} from {}", name, customerId, image);
            return true;
          } catch (ConflictException | NotFoundException e) {
            return false;
          } catch (BadRequestException e) {
            throw new PermanentException(
                FailureType.INVALID_INPUT,
                "Docker engine refused to create container "
                    + name
                    + ": "
                    + DockerObjects.reason(e),
                e);
          }
        });
  }

  /** Lets MariaDB shut down cleanly, then removes the container (never the volume). */
  private void stopAndRemove(String name) {
    call(
        "stop container " + name,
        () -> {
          try {
            docker.stopContainerCmd(name).withTimeout(STOP_TIMEOUT_SECONDS).exec();
          } catch (NotModifiedException | NotFoundException e) {
            // Stopped or gone already.
          }
          return null;
        });
    objects.removeContainer(name);
  }

  private String ensureVolume(long customerId) {
    String name = DatabaseNames.volume(customerId);
    Optional<InspectVolumeResponse> existing = objects.volume(name);
    if (existing.isPresent()) {
      requireOwner("Volume " + name, existing.get().getLabels(), customerId);
      return name;
    }
    call(
        "create volume " + name,
        () -> docker.createVolumeCmd().withName(name).withLabels(labels(customerId)).exec());
    log.info("Created volume {} for the databases of customer {}", name, customerId);
    return name;
  }

  private String networkId(String network) {
    return call(
        "inspect network " + network,
        () -> docker.inspectNetworkCmd().withNetworkId(network).exec().getId());
  }

  // ---- spec and validation ----

  static String specHash(
      long customerId, DatabaseLimits limits, String image, String imageId, String networkId) {
    String canonical =
        String.join(
            "\n",
            "layout=" + LAYOUT_VERSION,
            "customer=" + customerId,
            "image=" + image,
            "image-id=" + imageId,
            "network-id=" + networkId,
            "memory=" + limits.memoryBytes(),
            "nano-cpus=" + limits.nanoCpus(),
            "pids=" + PlanLimits.PIDS_LIMIT,
            "tmpfs=" + TMPFS_OPTIONS);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  private static Map<String, String> labels(long customerId) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(LABEL_CUSTOMER, Long.toString(customerId));
    labels.put(LABEL_ROLE, ROLE_DATABASE);
    return labels;
  }

  private static void validate(DatabaseLimits limits) {
    if (limits == null
        || limits.memoryMb() < DatabaseLimits.MIN_MEMORY_MB
        || limits.cpuMillis() < DatabaseLimits.MIN_CPU_MILLIS) {
      throw new PermanentException(
          FailureType.INVALID_INPUT,
          "Database limits "
              + limits
              + " are too small (at least "
              + DatabaseLimits.MIN_MEMORY_MB
              + " MiB memory and "
              + DatabaseLimits.MIN_CPU_MILLIS
              + " millicores)");
    }
  }

  private static void requirePassword(Secret password) {
    if (password == null) {
      throw new PermanentException(FailureType.INVALID_INPUT, "No database password given");
    }
  }

  private static void requirePositive(long customerId) {
    if (customerId <= 0) {
      throw new PermanentException(FailureType.INVALID_INPUT, "Invalid customer id: " + customerId);
    }
  }

  /** Refuses to touch an object of that name which is not this customer's database server's. */
  private static void requireOwner(String object, Map<String, String> labels, long customerId) {
    String owner = labels == null ? null : labels.get(LABEL_CUSTOMER);
    String role = labels == null ? null : labels.get(LABEL_ROLE);
    if (owner == null || !ROLE_DATABASE.equals(role)) {
      throw new PermanentException(
          FailureType.CONFLICT,
          object + " exists on this host but is not a Berth database server; remove or rename it");
    }
    if (!owner.equals(Long.toString(customerId))) {
      throw new PermanentException(
          FailureType.CONFLICT, object + " belongs to another customer; refusing to use it");
    }
  }

  // ---- errors ----

  private <T> T call(String action, Supplier<T> call) {
    try {
      return call.get();
    } catch (DatabaseUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      throw objects.translate(action, e);
    }
  }

  /** One line of at most 300 characters: client output can be long. */
  private static String shorten(String text) {
    String oneLine = text.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "…";
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(100L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DatabaseUnavailableException("Interrupted while waiting for the database server");
    }
  }

  @Override
  public String toString() {
    return "MariaDbCustomerDatabases[" + endpoint + ", " + image + "]";
  }
}
