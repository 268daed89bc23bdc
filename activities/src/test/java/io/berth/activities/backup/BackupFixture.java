package io.berth.activities.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.berth.activities.database.DatabaseLimits;
import io.berth.activities.database.DatabaseNames;
import io.berth.activities.database.MariaDbCustomerDatabases;
import io.berth.activities.database.Secret;
import io.berth.activities.docker.AppCatalog;
import io.berth.activities.docker.DockerConfig;
import io.berth.activities.docker.DockerContainerRuntime;
import io.berth.activities.docker.DockerNames;
import io.berth.activities.docker.DockerProperties;
import io.berth.workflows.backup.BackupArchive;
import io.berth.workflows.backup.BackupJob;
import io.berth.workflows.backup.RestoreJob;
import io.berth.workflows.common.PlanLimits;
import io.berth.workflows.site.ContainerSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * What the backup integration tests share: the backup activities wired as the worker wires them, on
 * the real engine, with a storage directory of their own; a static site with files in several
 * directories (owners, modes, a binary file, a link) and a customer database with tables; ids in
 * 970000–979999; snapshots of files and tables to compare; cleanup of everything made.
 */
final class BackupFixture implements AutoCloseable {

  static final String DATABASE = "shop_db";
  static final PlanLimits LIMITS = new PlanLimits(500, 128, 1024, 1);
  private static final String HELPER_IMAGE = "debian:bookworm-slim";
  private static final String DATABASE_IMAGE = "berth/mariadb:1";

  final DockerClient docker;
  final DockerContainerRuntime containers;
  final MariaDbCustomerDatabases databases;
  final HelperContainers helpers;
  final MariaDbTools tools;
  final DirectoryBackupStorage storage;
  final BackupHostActivitiesImpl activities;
  final Path storageDir;

  private final Set<Long> ids = new LinkedHashSet<>();
  private final List<Long> sites = new ArrayList<>();
  private final Set<Long> customers = new LinkedHashSet<>();

  BackupFixture() throws IOException {
    DockerProperties properties = DockerProperties.defaults();
    String endpoint = properties.endpoint();
    docker = DockerConfig.createClient(properties);
    containers = new DockerContainerRuntime(docker, AppCatalog.withDefaults(Map.of()), endpoint);
    databases = new MariaDbCustomerDatabases(docker, containers, DATABASE_IMAGE, endpoint);
    storageDir = Files.createTempDirectory("berth-backups-it");
    storage = new DirectoryBackupStorage(storageDir);
    helpers = new HelperContainers(docker, HELPER_IMAGE, endpoint);
    tools = new MariaDbTools(docker, endpoint);
    VolumeArchiver archiver = new VolumeArchiver(helpers);
    ObjectMapper json = new ObjectMapper();
    BackupVerifier verifier =
        new BackupVerifier(
            storage,
            helpers,
            archiver,
            new ScratchDatabases(docker, helpers, tools, DATABASE_IMAGE, endpoint),
            tools,
            json);
    activities =
        new BackupHostActivitiesImpl(
            storage,
            archiver,
            new DatabaseDumper(tools),
            verifier,
            new RestoredFiles(helpers, archiver),
            new RestoredTables(tools),
            containers,
            json,
            Clock.systemUTC());
  }

  long newId() {
    long id;
    do {
      id = 970_000 + ThreadLocalRandom.current().nextLong(10_000);
    } while (!ids.add(id));
    return id;
  }

  /** A running static site whose volume holds files in several directories. */
  long staticSiteWithFiles(long customerId) {
    long siteId = newId();
    sites.add(siteId);
    customers.add(customerId);
    containers.ensureNetwork(customerId);
    containers.ensureContainer(
        new ContainerSpec(siteId, customerId, "bk" + siteId, "static", freePort(), LIMITS));
    changeFiles(
        siteId,
        """
        mkdir -p css img/icons 'docs/with space' empty
        printf 'body { color: #333; }\\n' > css/site.css
        head -c 200000 /dev/urandom > img/photo.bin
        head -c 3000 /dev/urandom > img/icons/icon.png
        printf 'private\\n' > docs/secret.txt && chmod 600 docs/secret.txt
        printf 'tab\\there\\n' > 'docs/with space/notes é.txt'
        printf '#!/bin/sh\\necho hi\\n' > run.sh && chmod 755 run.sh
        printf 'hidden\\n' > .htaccess
        ln -s css/site.css style-link.css
        chown -R 10001:10001 css img docs run.sh .htaccess
        chown 0:0 docs/secret.txt
        chmod 2750 empty
        """);
    return siteId;
  }

  /** Runs a shell script as root in the site's volume (mounted at /data, the script's cwd). */
  void changeFiles(long siteId, String script) {
    helpers.runScript(
        "berth-test-files-" + siteId, DockerNames.volume(siteId), "set -eu; cd /data; " + script);
  }

  /** Every entry of the site's volume, in path order: type, mode, owner, link target or SHA-256. */
  String snapshotFiles(long siteId) {
    return helpers.runScript(
        "berth-test-files-" + siteId,
        DockerNames.volume(siteId),
        """
        set -eu; cd /data
        find . -mindepth 1 | LC_ALL=C sort | while IFS= read -r p; do
          if [ -L "$p" ]; then c="-> $(readlink "$p")"
          elif [ -f "$p" ]; then c="$(sha256sum < "$p" | cut -d' ' -f1)"
          else c=""; fi
          printf '%s|%s|%s\\n' "$p" "$(stat -c '%F %a %u:%g' "$p")" "$c"
        done
        """);
  }

  /** The owner and mode of the site volume's root, the directory the site serves from. */
  String rootOwnerAndMode(long siteId) {
    return helpers.runScript(
        "berth-test-root-" + siteId, DockerNames.volume(siteId), "stat -c '%a %u:%g' /data\n");
  }

  /** The customer's database server with {@link #DATABASE} holding a few tables and rows. */
  void customerDatabase(long customerId) {
    customers.add(customerId);
    databases.ensureServer(
        customerId, new DatabaseLimits(500, 256), Secret.of("Root-password-" + customerId));
    databases.ensureDatabase(
        customerId, DATABASE, "shop_user", Secret.of("User-password-" + customerId));
    sql(
        customerId,
        """
        CREATE TABLE shop_db.products (id INT PRIMARY KEY, name VARCHAR(100), price DECIMAL(10,2),
          picture BLOB, added DATETIME(6));
        CREATE TABLE shop_db.orders (id INT PRIMARY KEY AUTO_INCREMENT, product_id INT,
          note TEXT, FOREIGN KEY (product_id) REFERENCES shop_db.products (id));
        CREATE TABLE shop_db.empty_table (id INT);
        INSERT INTO shop_db.products VALUES
          (1, 'Tea ''Earl Grey''', 4.50, UNHEX('00FF10200A0D5C27'), '2026-11-27 05:00:00.123456'),
          (2, 'Line\\nbreak and ünïcödé ☕', 12.00, NULL, NULL),
          (3, 'Back\\\\slash', 0.99, UNHEX(''), '2000-01-01 00:00:00');
        INSERT INTO shop_db.orders (product_id, note) VALUES (1, 'first'), (2, NULL), (1, 'third');
        """);
  }

  String sql(long customerId, String statements) {
    return tools.sql(DatabaseNames.container(customerId), statements);
  }

  /** Every table of the database with all its rows, in key order. */
  Map<String, String> tableContents(long customerId, String database) {
    Map<String, String> contents = new LinkedHashMap<>();
    for (String table : tools.tables(DatabaseNames.container(customerId), database)) {
      contents.put(
          table,
          sql(
              customerId,
              "SELECT * FROM "
                  + MariaDbTools.identifier(database)
                  + "."
                  + MariaDbTools.identifier(table)
                  + " ORDER BY 1"));
    }
    return contents;
  }

  /** The databases on the customer's server whose names start with {@code berth_}. */
  List<String> berthDatabases(long customerId) {
    return sql(
            customerId,
            "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'berth\\\\_%'")
        .lines()
        .toList();
  }

  BackupArchive backup(long siteId, long customerId, String database) {
    return activities.createBackup(new BackupJob(newId(), siteId, customerId, database));
  }

  /** The manifest stored with the backup. */
  BackupManifest activitiesManifest(BackupArchive archive) throws IOException {
    return new ObjectMapper()
        .readValue(
            storageDir.resolve(archive.location()).resolve(BackupStorage.MANIFEST).toFile(),
            BackupManifest.class);
  }

  RestoreJob restoreJob(BackupArchive archive, long siteId, long customerId, String database) {
    return new RestoreJob(newId(), archive, siteId, customerId, database);
  }

  String containerState(long siteId) {
    return containers.state(siteId).orElse("absent");
  }

  /** Names of the containers and volumes on the engine whose names contain the text. */
  List<String> dockerObjectsNamed(String text) {
    List<String> names = new ArrayList<>();
    docker.listContainersCmd().withShowAll(true).exec().stream()
        .flatMap(container -> Stream.of(container.getNames()))
        .filter(name -> name.contains(text))
        .forEach(names::add);
    var volumes = docker.listVolumesCmd().exec().getVolumes();
    if (volumes != null) {
      volumes.stream()
          .map(volume -> volume.getName())
          .filter(name -> name.contains(text))
          .forEach(names::add);
    }
    return names;
  }

  /** Flips one byte in the middle of a stored part. */
  void corrupt(BackupArchive archive, String part) throws IOException {
    Path file = storageDir.resolve(archive.location()).resolve(part);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(file, bytes);
  }

  @Override
  public void close() throws IOException {
    for (long site : sites) {
      quietly(() -> docker.removeContainerCmd(DockerNames.container(site)).withForce(true).exec());
      quietly(() -> docker.removeVolumeCmd(DockerNames.volume(site)).exec());
    }
    for (long customer : customers) {
      quietly(
          () ->
              docker.removeContainerCmd(DatabaseNames.container(customer)).withForce(true).exec());
      quietly(() -> docker.removeVolumeCmd(DatabaseNames.volume(customer)).exec());
    }
    for (long customer : customers) {
      String name = DockerNames.network(customer);
      docker.listNetworksCmd().withNameFilter(name).exec().stream()
          .filter(network -> network.getName().equals(name))
          .forEach(network -> quietly(() -> docker.removeNetworkCmd(network.getId()).exec()));
    }
    try (Stream<Path> paths = Files.walk(storageDir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
    docker.close();
  }

  static void assertNoScratchLeft(BackupFixture fixture, long backupId) {
    assertThat(fixture.dockerObjectsNamed("berth-verify-" + backupId)).isEmpty();
    assertThat(fixture.dockerObjectsNamed("berth-verify-db-" + backupId)).isEmpty();
    assertThat(fixture.dockerObjectsNamed("berth-backup-" + backupId)).isEmpty();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void quietly(Runnable cleanup) {
    try {
      cleanup.run();
    } catch (NotFoundException e) {
      // Already gone.
    }
  }
}
