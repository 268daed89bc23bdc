package io.berth.activities.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.activities.common.PermanentException;
import io.berth.activities.docker.ContainerRuntime;
import io.berth.activities.docker.DockerNames;
import io.berth.workflows.backup.BackupArchive;
import io.berth.workflows.backup.BackupHostActivities;
import io.berth.workflows.backup.BackupJob;
import io.berth.workflows.backup.RestoreJob;
import io.berth.workflows.backup.Verification;
import io.berth.workflows.common.FailureType;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link BackupHostActivities} on this host: the volume archived by {@link VolumeArchiver}, the
 * database dumped by {@link DatabaseDumper}, both kept in the {@link BackupStorage} with a {@link
 * BackupManifest}; verification by {@link BackupVerifier}; restores staged and swapped in by {@link
 * RestoredFiles} and {@link RestoredTables}, the container stopped and started through the {@link
 * ContainerRuntime}. Long calls heartbeat while they stream.
 */
public class BackupHostActivitiesImpl implements BackupHostActivities {

  private static final Logger log = LoggerFactory.getLogger(BackupHostActivitiesImpl.class);

  private final BackupStorage storage;
  private final VolumeArchiver archiver;
  private final DatabaseDumper dumper;
  private final BackupVerifier verifier;
  private final RestoredFiles restoredFiles;
  private final RestoredTables restoredTables;
  private final ContainerRuntime containers;
  private final ObjectMapper json;
  private final Clock clock;

  public BackupHostActivitiesImpl(
      BackupStorage storage,
      VolumeArchiver archiver,
      DatabaseDumper dumper,
      BackupVerifier verifier,
      RestoredFiles restoredFiles,
      RestoredTables restoredTables,
      ContainerRuntime containers,
      ObjectMapper json,
      Clock clock) {
    this.storage = storage;
    this.archiver = archiver;
    this.dumper = dumper;
    this.verifier = verifier;
    this.restoredFiles = restoredFiles;
    this.restoredTables = restoredTables;
    this.containers = containers;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public BackupArchive createBackup(BackupJob job) {
    String location = BackupStorage.location(job.siteId(), job.backupId());
    if (storage.isComplete(location)) {
      log.info("Backup {} is stored already", job.backupId());
      return archive(location, verifier.manifest(location));
    }
    Instant started = clock.instant();
    Runnable heartbeat = heartbeat();
    try (BackupStorage.PendingBackup pending = storage.begin(location)) {
      VolumeArchiver.ArchivedFiles files;
      try (OutputStream out = pending.create(BackupStorage.FILES)) {
        files =
            archiver.archive(
                DockerNames.volume(job.siteId()), "berth-backup-" + job.backupId(), out, heartbeat);
      }
      BackupManifest.DatabasePart database = null;
      if (job.databaseName() != null) {
        try (OutputStream out = pending.create(BackupStorage.DATABASE)) {
          DatabaseDumper.DumpedDatabase dump =
              dumper.dump(job.customerId(), job.databaseName(), out, heartbeat);
          database =
              new BackupManifest.DatabasePart(
                  job.databaseName(), dump.bytes(), dump.sha256(), dump.tables());
        }
      }
      BackupManifest manifest =
          new BackupManifest(
              job.backupId(),
              job.siteId(),
              started.toString(),
              Duration.between(started, clock.instant()).toMillis(),
              new BackupManifest.FilesPart(
                  files.bytes(),
                  files.sha256(),
                  files.contents().fileCount(),
                  files.contents().contentBytes(),
                  files.contents().contentSha256()),
              database);
      try (OutputStream out = pending.create(BackupStorage.MANIFEST)) {
        json.writerWithDefaultPrettyPrinter().writeValue(out, manifest);
      }
      pending.complete();
      log.info(
          "Backup {} of site {} stored at {}: {} files{}",
          job.backupId(),
          job.siteId(),
          location,
          manifest.files().fileCount(),
          database == null ? "" : ", database " + database.name());
      return archive(location, manifest);
    } catch (IOException e) {
      throw new UncheckedIOException("Writing backup " + job.backupId() + " failed", e);
    }
  }

  @Override
  public Verification verifyBackup(BackupArchive archive) {
    return verifier.verify(archive, heartbeat());
  }

  @Override
  public void deleteBackup(String location) {
    try {
      storage.delete(location);
      log.info("Deleted backup {}", location);
    } catch (IOException e) {
      throw new UncheckedIOException("Deleting backup " + location + " failed", e);
    }
  }

  @Override
  public void checkArchive(BackupArchive archive) {
    Optional<String> problem = verifier.checkChecksums(archive);
    if (problem.isPresent()) {
      throw new PermanentException(
          FailureType.INVALID_INPUT,
          "Backup " + archive.backupId() + " cannot be restored: " + problem.get());
    }
  }

  @Override
  public void stageRestore(RestoreJob job) {
    BackupArchive archive = job.archive();
    Runnable heartbeat = heartbeat();
    try (InputStream files = storage.open(archive.location(), BackupStorage.FILES)) {
      restoredFiles.stage(volume(job), job.restoreId(), files, heartbeat);
    } catch (IOException e) {
      throw new UncheckedIOException("Reading backup " + archive.backupId() + " failed", e);
    }
    if (restoresTables(job)) {
      try (InputStream dump = storage.open(archive.location(), BackupStorage.DATABASE)) {
        restoredTables.stage(
            job.targetCustomerId(), job.restoreId(), dump, archive.databaseBytes(), heartbeat);
      } catch (IOException e) {
        throw new UncheckedIOException("Reading backup " + archive.backupId() + " failed", e);
      }
    }
    log.info("Restore {} staged into site {}", job.restoreId(), job.targetSiteId());
  }

  @Override
  public void swapInRestore(RestoreJob job) {
    boolean runningNow = containers.state(job.targetSiteId()).map("running"::equals).orElse(false);
    boolean wasRunning = restoredFiles.recordRunning(volume(job), job.restoreId(), runningNow);
    containers.stop(job.targetSiteId());
    restoredFiles.swap(volume(job), job.restoreId());
    if (restoresTables(job)) {
      restoredTables.swap(job.targetCustomerId(), job.restoreId(), job.targetDatabaseName());
    }
    if (wasRunning) {
      containers.start(job.targetSiteId());
    }
    log.info("Restore {} swapped into site {}", job.restoreId(), job.targetSiteId());
  }

  @Override
  public void finishRestore(RestoreJob job) {
    restoredFiles.cleanUp(volume(job), job.restoreId());
    if (restoresTables(job)) {
      restoredTables.finish(job.targetCustomerId(), job.restoreId());
    }
    log.info("Restore {} into site {} finished", job.restoreId(), job.targetSiteId());
  }

  @Override
  public void rollbackRestore(RestoreJob job) {
    Optional<Boolean> wasRunning = restoredFiles.recordedRunning(volume(job), job.restoreId());
    if (wasRunning.isPresent()) {
      containers.stop(job.targetSiteId());
    }
    restoredFiles.rollback(volume(job), job.restoreId());
    if (job.targetDatabaseName() != null) {
      restoredTables.rollback(job.targetCustomerId(), job.restoreId(), job.targetDatabaseName());
    }
    if (wasRunning.orElse(false)) {
      containers.start(job.targetSiteId());
    }
    restoredFiles.cleanUp(volume(job), job.restoreId());
    log.info("Restore {} into site {} rolled back", job.restoreId(), job.targetSiteId());
  }

  private static String volume(RestoreJob job) {
    return DockerNames.volume(job.targetSiteId());
  }

  /** The dump is restored when there is one and the target site has a database to take it. */
  private static boolean restoresTables(RestoreJob job) {
    return job.archive().databaseSha256() != null && job.targetDatabaseName() != null;
  }

  private static BackupArchive archive(String location, BackupManifest manifest) {
    BackupManifest.DatabasePart database = manifest.database();
    long databaseBytes = database == null ? 0 : database.bytes();
    return new BackupArchive(
        manifest.backupId(),
        manifest.siteId(),
        location,
        manifest.files().bytes() + databaseBytes,
        manifest.files().bytes(),
        manifest.files().fileCount(),
        manifest.files().sha256(),
        database == null ? null : database.name(),
        databaseBytes,
        database == null ? null : database.sha256(),
        manifest.durationMillis());
  }

  /** The running activity's heartbeat; a no-op outside an activity (a test calling directly). */
  private static Runnable heartbeat() {
    ActivityExecutionContext context;
    try {
      context = Activity.getExecutionContext();
    } catch (IllegalStateException notInAnActivity) {
      return () -> {};
    }
    return () -> context.heartbeat(null);
  }
}
