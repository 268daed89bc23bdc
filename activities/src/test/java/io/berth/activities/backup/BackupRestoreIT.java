package io.berth.activities.backup;

import static io.berth.activities.backup.BackupFixture.DATABASE;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.activities.docker.DockerFixture;
import io.berth.workflows.backup.BackupArchive;
import io.berth.workflows.backup.RestoreJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Backups made and restored on the real engine: a static site's files and its customer's MariaDB
 * database, backed up, changed, and restored step by step as {@code RestoreWorkflowImpl} calls the
 * host activities.
 */
class BackupRestoreIT {

  private BackupFixture fixture;
  private BackupHostActivitiesImpl host;
  private long customer;
  private long site;

  @BeforeAll
  static void images() throws Exception {
    DockerFixture.buildImages();
  }

  @BeforeEach
  void setUp() throws Exception {
    fixture = new BackupFixture();
    host = fixture.activities;
    customer = fixture.newId();
    site = fixture.staticSiteWithFiles(customer);
    fixture.customerDatabase(customer);
  }

  @AfterEach
  void tearDown() throws Exception {
    fixture.close();
  }

  @Test
  void givenChangedSite_whenRestored_itHasEveryFileAndRowAsBackedUp() throws Exception {
    String filesBefore = fixture.snapshotFiles(site);
    String rootBefore = fixture.rootOwnerAndMode(site);
    Map<String, String> tablesBefore = fixture.tableContents(customer, DATABASE);

    BackupArchive archive = fixture.backup(site, customer, DATABASE);
    assertThat(archive.fileCount())
        .isEqualTo(filesBefore.lines().filter(line -> line.contains("|regular file ")).count());
    assertThat(archive.databaseName()).isEqualTo(DATABASE);
    assertThat(archive.sizeBytes()).isEqualTo(archive.filesBytes() + archive.databaseBytes());
    assertThat(host.verifyBackup(archive).ok()).isTrue();

    changeEverything();
    assertThat(fixture.snapshotFiles(site)).isNotEqualTo(filesBefore);
    assertThat(fixture.tableContents(customer, DATABASE)).isNotEqualTo(tablesBefore);

    RestoreJob restore = fixture.restoreJob(archive, site, customer, DATABASE);
    host.checkArchive(archive);
    host.stageRestore(restore);
    // Staged beside the live data: the live site is untouched until the swap.
    assertThat(fixture.containerState(site)).isEqualTo("running");
    assertThat(fixture.sql(customer, "SELECT COUNT(*) FROM shop_db.products")).isEqualTo("4\n");
    host.swapInRestore(restore);
    host.swapInRestore(restore);
    host.finishRestore(restore);
    host.finishRestore(restore);

    assertThat(fixture.snapshotFiles(site)).isEqualTo(filesBefore);
    // The site's user can still read what it serves: the mount point keeps its owner and mode.
    assertThat(fixture.rootOwnerAndMode(site)).isEqualTo(rootBefore);
    assertThat(fixture.tableContents(customer, DATABASE)).isEqualTo(tablesBefore);
    assertThat(fixture.berthDatabases(customer)).isEmpty();
    assertThat(fixture.containerState(site)).isEqualTo("running");
  }

  @Test
  void givenBackupMadeTwice_itIsStoredOnce() throws Exception {
    BackupArchive first = fixture.backup(site, customer, DATABASE);
    fixture.changeFiles(site, "printf 'new\\n' > css/new.css");
    BackupArchive again =
        host.createBackup(
            new io.berth.workflows.backup.BackupJob(first.backupId(), site, customer, DATABASE));

    assertThat(again).isEqualTo(first);
    try (Stream<Path> stored = Files.list(fixture.storageDir.resolve("site-" + site))) {
      assertThat(stored.map(path -> path.getFileName().toString()))
          .containsExactly("backup-" + first.backupId());
    }
    try (Stream<Path> parts = Files.list(fixture.storageDir.resolve(first.location()))) {
      assertThat(parts.map(path -> path.getFileName().toString()))
          .containsExactlyInAnyOrder("files.tar.gz", "database.sql.gz", "manifest.json");
    }
  }

  @Test
  void givenSwappedRestore_whenRolledBack_itHasTheChangedDataBack() throws Exception {
    BackupArchive archive = fixture.backup(site, customer, DATABASE);
    changeEverything();
    String filesChanged = fixture.snapshotFiles(site);
    Map<String, String> tablesChanged = fixture.tableContents(customer, DATABASE);

    RestoreJob restore = fixture.restoreJob(archive, site, customer, DATABASE);
    host.checkArchive(archive);
    host.stageRestore(restore);
    host.swapInRestore(restore);
    assertThat(fixture.tableContents(customer, DATABASE)).isNotEqualTo(tablesChanged);
    host.rollbackRestore(restore);
    host.rollbackRestore(restore);

    assertThat(fixture.snapshotFiles(site)).isEqualTo(filesChanged);
    assertThat(fixture.tableContents(customer, DATABASE)).isEqualTo(tablesChanged);
    assertThat(fixture.berthDatabases(customer)).isEmpty();
    assertThat(fixture.containerState(site)).isEqualTo("running");
  }

  @Test
  void givenSwapKilledHalfway_whenRetried_itConverges() throws Exception {
    String filesBefore = fixture.snapshotFiles(site);
    Map<String, String> tablesBefore = fixture.tableContents(customer, DATABASE);
    BackupArchive archive = fixture.backup(site, customer, DATABASE);
    changeEverything();
    RestoreJob restore = fixture.restoreJob(archive, site, customer, DATABASE);
    host.stageRestore(restore);

    // As a worker killed mid-swap leaves it: the site stopped, the live files all moved aside,
    // one staged directory moved into place.
    fixture.containers.stop(site);
    fixture.changeFiles(
        site,
        """
        id=%d; aside=.berth-pre-restore-$id; staged=.berth-restore-$id
        echo running=true > $staged.state
        mkdir -m 700 $aside
        for e in * .[!.]*; do case "$e" in .berth-*) continue;; esac; mv -- "$e" $aside/; done
        echo aside-done >> $staged.state
        mv $staged/img ./
        """
            .formatted(restore.restoreId()));
    host.swapInRestore(restore);
    host.finishRestore(restore);

    assertThat(fixture.snapshotFiles(site)).isEqualTo(filesBefore);
    assertThat(fixture.tableContents(customer, DATABASE)).isEqualTo(tablesBefore);
    assertThat(fixture.containerState(site)).isEqualTo("running");
  }

  @Test
  void givenStoppedSite_whenRestored_itStaysStopped() throws Exception {
    BackupArchive archive = fixture.backup(site, customer, DATABASE);
    fixture.containers.stop(site);
    fixture.changeFiles(site, "rm -rf img");

    RestoreJob restore = fixture.restoreJob(archive, site, customer, DATABASE);
    host.stageRestore(restore);
    host.swapInRestore(restore);
    host.finishRestore(restore);

    assertThat(fixture.snapshotFiles(site))
        .contains("./img/photo.bin|regular file 644 10001:10001");
    assertThat(fixture.containerState(site)).isEqualTo("exited");
  }

  /** Files changed, added and deleted; rows changed, added and deleted; a table added. */
  private void changeEverything() {
    fixture.changeFiles(
        site,
        """
        printf 'body { color: red; }\\n' > css/site.css
        rm -rf img/icons docs/secret.txt
        mkdir -p added/deeper && printf 'extra\\n' > added/deeper/extra.txt
        chmod 777 run.sh
        """);
    fixture.sql(
        customer,
        """
        UPDATE shop_db.products SET price = 99.99 WHERE id = 1;
        DELETE FROM shop_db.orders WHERE id = 3;
        INSERT INTO shop_db.products VALUES (4, 'Added later', 1.00, NULL, NULL);
        INSERT INTO shop_db.orders (product_id, note) VALUES (4, 'new');
        CREATE TABLE shop_db.added_table (id INT);
        """);
  }
}
