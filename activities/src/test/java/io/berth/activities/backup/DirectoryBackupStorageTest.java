package io.berth.activities.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.activities.common.PermanentException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryBackupStorageTest {

  @TempDir Path dir;

  @Test
  void givenBackupBeingWritten_itIsInvisibleUntilComplete() throws Exception {
    var storage = new DirectoryBackupStorage(dir);
    String location = BackupStorage.location(970001, 970002);
    assertThat(location).isEqualTo("site-970001/backup-970002");

    try (BackupStorage.PendingBackup pending = storage.begin(location)) {
      try (OutputStream out = pending.create(BackupStorage.FILES)) {
        out.write("files".getBytes(StandardCharsets.UTF_8));
      }
      assertThat(storage.isComplete(location)).isFalse();
      assertThat(storage.size(location, BackupStorage.FILES)).isEmpty();
      try (OutputStream out = pending.create(BackupStorage.MANIFEST)) {
        out.write("{}".getBytes(StandardCharsets.UTF_8));
      }
      pending.complete();
    }

    assertThat(storage.isComplete(location)).isTrue();
    assertThat(storage.size(location, BackupStorage.FILES)).contains(5L);
    assertThat(storage.size(location, BackupStorage.DATABASE)).isEmpty();
    try (InputStream in = storage.open(location, BackupStorage.FILES)) {
      assertThat(in.readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("files");
    }
    assertThat(dir.resolve("site-970001")).isDirectoryContaining(p -> p.endsWith("backup-970002"));
    try (var entries = Files.list(dir.resolve("site-970001"))) {
      assertThat(entries).hasSize(1);
    }
  }

  @Test
  void givenAttemptCutOff_whenBegunAgain_theLeftoversAreGone() throws Exception {
    var storage = new DirectoryBackupStorage(dir);
    String location = BackupStorage.location(970003, 970004);
    BackupStorage.PendingBackup first = storage.begin(location);
    try (OutputStream out = first.create(BackupStorage.DATABASE)) {
      out.write(1);
    }

    try (BackupStorage.PendingBackup again = storage.begin(location)) {
      try (OutputStream out = again.create(BackupStorage.MANIFEST)) {
        out.write('{');
      }
      again.complete();
    }

    assertThat(storage.size(location, BackupStorage.DATABASE)).isEmpty();
    assertThat(storage.size(location, BackupStorage.MANIFEST)).contains(1L);
  }

  @Test
  void givenStoredBackup_whenDeletedTwice_itIsGone() throws Exception {
    var storage = new DirectoryBackupStorage(dir);
    String location = BackupStorage.location(970005, 970006);
    try (BackupStorage.PendingBackup pending = storage.begin(location)) {
      pending.create(BackupStorage.MANIFEST).close();
      pending.complete();
    }

    storage.delete(location);
    storage.delete(location);

    assertThat(storage.isComplete(location)).isFalse();
    assertThat(dir.resolve("site-970005")).doesNotExist();
    assertThatThrownBy(() -> storage.open(location, BackupStorage.MANIFEST))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void givenLocationOrPartOutsideTheLayout_itIsRefused() {
    var storage = new DirectoryBackupStorage(dir);

    assertThatThrownBy(() -> storage.isComplete("../etc"))
        .isInstanceOf(PermanentException.class)
        .hasMessage("Not a backup location: ../etc");
    assertThatThrownBy(() -> storage.open("site-1/backup-2", "../../x"))
        .isInstanceOf(PermanentException.class)
        .hasMessage("Not a backup part: ../../x");
  }
}
