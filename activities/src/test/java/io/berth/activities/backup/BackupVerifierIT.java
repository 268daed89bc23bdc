package io.berth.activities.backup;

import static io.berth.activities.backup.BackupFixture.DATABASE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.berth.activities.docker.DockerFixture;
import io.berth.workflows.backup.BackupArchive;
import io.berth.workflows.backup.Verification;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Verification restores a backup into a scratch volume and a scratch MariaDB and compares them with
 * the manifest; the scratch objects are gone afterwards.
 */
class BackupVerifierIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static BackupFixture fixture;
  private static long customer;
  private static long site;

  @BeforeAll
  static void site() throws Exception {
    DockerFixture.buildImages();
    fixture = new BackupFixture();
    customer = fixture.newId();
    site = fixture.staticSiteWithFiles(customer);
    fixture.customerDatabase(customer);
  }

  @AfterAll
  static void tearDown() throws Exception {
    fixture.close();
  }

  @Test
  void givenGoodBackup_whenVerified_itPassesAndLeavesNoScratch() throws Exception {
    BackupArchive archive = fixture.backup(site, customer, DATABASE);

    Verification verification = fixture.activities.verifyBackup(archive);

    assertThat(verification).isEqualTo(Verification.passed());
    BackupFixture.assertNoScratchLeft(fixture, archive.backupId());
    BackupManifest manifest = fixture.activitiesManifest(archive);
    assertThat(manifest.database().tables())
        .isEqualTo(Map.of("products", 3L, "orders", 3L, "empty_table", 0L));
    assertThat(manifest.files().fileCount()).isEqualTo(archive.fileCount());
  }

  @Test
  void givenSiteWithoutDatabase_whenVerified_itPasses() {
    BackupArchive archive = fixture.backup(site, customer, null);

    assertThat(archive.databaseName()).isNull();
    assertThat(archive.databaseSha256()).isNull();
    assertThat(fixture.activities.verifyBackup(archive).ok()).isTrue();
  }

  @Test
  void givenManifestPromisingAnotherFileAndRow_whenVerified_itSaysWhatDiffers() throws Exception {
    BackupArchive archive = fixture.backup(site, customer, DATABASE);
    Path manifest = fixture.storageDir.resolve(archive.location()).resolve("manifest.json");
    ObjectNode tree = (ObjectNode) JSON.readTree(manifest.toFile());
    ObjectNode files = (ObjectNode) tree.get("files");
    files.put("fileCount", files.get("fileCount").asInt() + 1);
    JSON.writeValue(manifest.toFile(), tree);

    Verification files1 = fixture.activities.verifyBackup(archive);
    assertThat(files1.ok()).isFalse();
    assertThat(files1.problem())
        .isEqualTo(
            "The files of backup "
                + archive.backupId()
                + " restore to "
                + archive.fileCount()
                + " files, not the "
                + (archive.fileCount() + 1)
                + " backed up");

    files.put("fileCount", archive.fileCount());
    ((ObjectNode) tree.get("database").get("tables")).put("orders", 4);
    JSON.writeValue(manifest.toFile(), tree);

    Verification rows = fixture.activities.verifyBackup(archive);
    assertThat(rows.ok()).isFalse();
    assertThat(rows.problem())
        .contains("orders=3")
        .contains("orders=4")
        .startsWith("The database of backup " + archive.backupId() + " restores to tables");
    BackupFixture.assertNoScratchLeft(fixture, archive.backupId());
  }
}
