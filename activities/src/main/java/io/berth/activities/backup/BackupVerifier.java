package io.berth.activities.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.activities.docker.EngineUnreachableException;
import io.berth.workflows.backup.BackupArchive;
import io.berth.workflows.backup.Verification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells whether a stored backup can be restored: first its parts' checksums, then a restore into
 * scratch objects, the files into a scratch volume ({@code berth-verify-<backupId>}) and the dump
 * into a scratch MariaDB ({@link ScratchDatabases}), compared with the manifest: file count, bytes,
 * the files' digest read back, every table's row count. The scratch objects are removed whatever
 * happens.
 */
public class BackupVerifier {

  private static final Logger log = LoggerFactory.getLogger(BackupVerifier.class);
  private static final String SCRATCH_DATABASE = "verify";

  private final BackupStorage storage;
  private final HelperContainers helpers;
  private final VolumeArchiver archiver;
  private final ScratchDatabases scratchDatabases;
  private final MariaDbTools tools;
  private final ObjectMapper json;

  public BackupVerifier(
      BackupStorage storage,
      HelperContainers helpers,
      VolumeArchiver archiver,
      ScratchDatabases scratchDatabases,
      MariaDbTools tools,
      ObjectMapper json) {
    this.storage = storage;
    this.helpers = helpers;
    this.archiver = archiver;
    this.scratchDatabases = scratchDatabases;
    this.tools = tools;
    this.json = json;
  }

  static String scratchVolume(long backupId) {
    return "berth-verify-" + backupId;
  }

  /** The stored parts against the checksums the backup's record holds. */
  Optional<String> checkChecksums(BackupArchive archive) {
    String location = archive.location();
    if (!storage.isComplete(location)) {
      return Optional.of(
          "Backup " + archive.backupId() + " is not stored on this host (" + location + ")");
    }
    Optional<String> files =
        checksum(archive, BackupStorage.FILES, archive.filesBytes(), archive.filesSha256());
    if (files.isPresent() || archive.databaseSha256() == null) {
      return files;
    }
    return checksum(
        archive, BackupStorage.DATABASE, archive.databaseBytes(), archive.databaseSha256());
  }

  /** Checksums, then a restore into scratch objects compared with the manifest. */
  Verification verify(BackupArchive archive, Runnable heartbeat) {
    Optional<String> checksums = checkChecksums(archive);
    if (checksums.isPresent()) {
      return Verification.failed(checksums.get());
    }
    BackupManifest manifest = manifest(archive.location());
    Optional<String> files = verifyFiles(archive, manifest, heartbeat);
    if (files.isPresent()) {
      return Verification.failed(files.get());
    }
    if (manifest.database() != null) {
      Optional<String> database = verifyDatabase(archive, manifest.database(), heartbeat);
      if (database.isPresent()) {
        return Verification.failed(database.get());
      }
    }
    log.info("Backup {} verified", archive.backupId());
    return Verification.passed();
  }

  BackupManifest manifest(String location) {
    try (InputStream in = storage.open(location, BackupStorage.MANIFEST)) {
      return json.readValue(in, BackupManifest.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Reading the manifest of " + location + " failed", e);
    }
  }

  private Optional<String> checksum(
      BackupArchive archive, String part, long expectedBytes, String expectedSha256) {
    try (InputStream in = storage.open(archive.location(), part)) {
      long[] bytes = new long[1];
      String sha256;
      try (Sha256Output sink = new Sha256Output(java.io.OutputStream.nullOutputStream())) {
        in.transferTo(sink);
        sha256 = sink.sha256();
        bytes[0] = sink.bytes();
      }
      if (!sha256.equals(expectedSha256)) {
        return Optional.of(
            part
                + " of backup "
                + archive.backupId()
                + " does not match its checksum (expected "
                + expectedSha256
                + ", found "
                + sha256
                + ", "
                + bytes[0]
                + " of "
                + expectedBytes
                + " bytes)");
      }
      return Optional.empty();
    } catch (NoSuchFileException e) {
      return Optional.of(part + " of backup " + archive.backupId() + " is missing");
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Reading " + part + " of " + archive.location() + " failed", e);
    }
  }

  private Optional<String> verifyFiles(
      BackupArchive archive, BackupManifest manifest, Runnable heartbeat) {
    long id = archive.backupId();
    String volume = scratchVolume(id);
    String helper = "berth-verify-" + id;
    try {
      helpers.removeVolume(volume);
      helpers.ensureVolume(volume, Map.of(HelperContainers.LABEL_ROLE, "verify-files"));
      try (InputStream files = storage.open(archive.location(), BackupStorage.FILES)) {
        archiver.extract(volume, "", helper, files, heartbeat);
      } catch (EngineUnreachableException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        return Optional.of(
            "The files of backup " + id + " could not be restored: " + e.getMessage());
      }
      TarContents restored = archiver.contents(volume, helper, heartbeat);
      BackupManifest.FilesPart expected = manifest.files();
      if (restored.fileCount() != expected.fileCount()) {
        return Optional.of(
            "The files of backup "
                + id
                + " restore to "
                + restored.fileCount()
                + " files, not the "
                + expected.fileCount()
                + " backed up");
      }
      if (restored.contentBytes() != expected.contentBytes()) {
        return Optional.of(
            "The files of backup "
                + id
                + " restore to "
                + restored.contentBytes()
                + " bytes, not the "
                + expected.contentBytes()
                + " backed up");
      }
      if (!restored.contentSha256().equals(expected.contentSha256())) {
        return Optional.of("The files of backup " + id + " restore with different contents");
      }
      return Optional.empty();
    } finally {
      helpers.remove(helper);
      helpers.removeVolume(volume);
    }
  }

  private Optional<String> verifyDatabase(
      BackupArchive archive, BackupManifest.DatabasePart expected, Runnable heartbeat) {
    long id = archive.backupId();
    try {
      String server = scratchDatabases.start(id, heartbeat);
      tools.sql(server, "CREATE DATABASE " + SCRATCH_DATABASE);
      try (InputStream dump = storage.open(archive.location(), BackupStorage.DATABASE)) {
        tools.load(server, SCRATCH_DATABASE, dump, archive.databaseBytes(), heartbeat);
      } catch (EngineUnreachableException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        return Optional.of(
            "The database of backup " + id + " could not be restored: " + e.getMessage());
      }
      Map<String, Long> restored = new TreeMap<>(tools.rowCounts(server, SCRATCH_DATABASE));
      Map<String, Long> backedUp = new TreeMap<>(expected.tables());
      if (!Objects.equals(restored, backedUp)) {
        return Optional.of(
            "The database of backup "
                + id
                + " restores to tables with rows "
                + restored
                + ", not the "
                + backedUp
                + " backed up");
      }
      return Optional.empty();
    } finally {
      scratchDatabases.remove(id);
    }
  }
}
