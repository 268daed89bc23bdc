package io.berth.activities.backup;

import static io.berth.activities.backup.BackupFixture.DATABASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.activities.common.PermanentException;
import io.berth.activities.docker.DockerFixture;
import io.berth.workflows.backup.BackupArchive;
import io.berth.workflows.backup.Verification;
import io.berth.workflows.common.FailureType;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A stored backup with one byte flipped: verification says what differs, a restore refuses to
 * start, and the live site keeps its files and rows.
 */
class CorruptBackupIT {

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
  void givenFlippedByteInFiles_whenVerifiedOrRestored_itIsRefusedAndTheSiteIsUntouched()
      throws Exception {
    BackupArchive archive = fixture.backup(site, customer, DATABASE);
    fixture.corrupt(archive, BackupStorage.FILES);
    String files = fixture.snapshotFiles(site);
    Map<String, String> tables = fixture.tableContents(customer, DATABASE);

    Verification verification = fixture.activities.verifyBackup(archive);
    assertThat(verification.ok()).isFalse();
    assertThat(verification.problem())
        .contains("files.tar.gz of backup " + archive.backupId())
        .contains("does not match its checksum")
        .contains(archive.filesSha256());

    assertThatThrownBy(() -> fixture.activities.checkArchive(archive))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> assertThat(e.type()).isEqualTo(FailureType.INVALID_INPUT))
        .hasMessageContaining("cannot be restored")
        .hasMessageContaining("files.tar.gz");

    assertThat(fixture.snapshotFiles(site)).isEqualTo(files);
    assertThat(fixture.tableContents(customer, DATABASE)).isEqualTo(tables);
    assertThat(fixture.containerState(site)).isEqualTo("running");
    BackupFixture.assertNoScratchLeft(fixture, archive.backupId());
  }

  @Test
  void givenFlippedByteInDump_whenVerified_itSaysTheDumpDiffers() throws Exception {
    BackupArchive archive = fixture.backup(site, customer, DATABASE);
    fixture.corrupt(archive, BackupStorage.DATABASE);

    Verification verification = fixture.activities.verifyBackup(archive);

    assertThat(verification.ok()).isFalse();
    assertThat(verification.problem())
        .contains("database.sql.gz of backup " + archive.backupId())
        .contains("does not match its checksum");
    assertThatThrownBy(() -> fixture.activities.checkArchive(archive))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("database.sql.gz");
  }

  @Test
  void givenMissingPart_whenChecked_itSaysWhichIsMissing() throws Exception {
    BackupArchive archive = fixture.backup(site, customer, DATABASE);
    java.nio.file.Files.delete(
        fixture.storageDir.resolve(archive.location()).resolve(BackupStorage.DATABASE));

    assertThat(fixture.activities.verifyBackup(archive).problem())
        .isEqualTo("database.sql.gz of backup " + archive.backupId() + " is missing");
    assertThatThrownBy(() -> fixture.activities.checkArchive(archive))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("is missing");
  }
}
