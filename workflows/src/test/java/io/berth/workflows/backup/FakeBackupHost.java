package io.berth.workflows.backup;

import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * In-memory backup storage and site data of one host, for workflow tests. A site's "data" is a
 * string; a restore replaces it with the data the backup captured, a rollback puts the old one
 * back.
 */
class FakeBackupHost implements BackupHostActivities {

  /** Every call, in order, with the backup or restore it was about. */
  final List<String> calls = new CopyOnWriteArrayList<>();

  /** Stored archives by location. */
  final Map<String, String> stored = new ConcurrentHashMap<>();

  /** Each site's live data. */
  final Map<Long, String> siteData = new ConcurrentHashMap<>();

  final AtomicInteger createAttempts = new AtomicInteger();
  final Map<Long, String> staged = new ConcurrentHashMap<>();
  final Map<Long, String> movedAside = new ConcurrentHashMap<>();

  volatile int transientCreateFailures;
  volatile String createRefusal;
  volatile String corruptProblem;
  volatile String checkRefusal;
  volatile String swapRefusal;

  @Override
  public BackupArchive createBackup(BackupJob job) {
    if (createAttempts.incrementAndGet() <= transientCreateFailures) {
      throw new IllegalStateException("docker engine not answering");
    }
    if (createRefusal != null) {
      throw ApplicationFailure.newNonRetryableFailure(createRefusal, "NOT_FOUND");
    }
    String location = "site-" + job.siteId() + "/backup-" + job.backupId();
    calls.add("createBackup " + job.backupId());
    stored.putIfAbsent(location, siteData.getOrDefault(job.siteId(), ""));
    return archive(job.backupId(), job.siteId(), location);
  }

  static BackupArchive archive(long backupId, long siteId, String location) {
    return new BackupArchive(
        backupId, siteId, location, 100, 80, 3, "a".repeat(64), null, 0, null, 5);
  }

  @Override
  public Verification verifyBackup(BackupArchive archive) {
    calls.add("verifyBackup " + archive.backupId());
    return corruptProblem == null ? Verification.passed() : Verification.failed(corruptProblem);
  }

  @Override
  public void deleteBackup(String location) {
    calls.add("deleteBackup " + location);
    stored.remove(location);
  }

  @Override
  public void checkArchive(BackupArchive archive) {
    calls.add("checkArchive " + archive.backupId());
    if (checkRefusal != null) {
      throw ApplicationFailure.newNonRetryableFailure(checkRefusal, "CORRUPT");
    }
  }

  @Override
  public void stageRestore(RestoreJob job) {
    calls.add("stageRestore " + job.restoreId());
    staged.put(job.targetSiteId(), stored.get(job.archive().location()));
  }

  @Override
  public void swapInRestore(RestoreJob job) {
    calls.add("swapInRestore " + job.restoreId());
    long site = job.targetSiteId();
    if (!movedAside.containsKey(site)) {
      movedAside.put(site, siteData.getOrDefault(site, ""));
    }
    if (swapRefusal != null) {
      throw ApplicationFailure.newNonRetryableFailure(swapRefusal, "CONFLICT");
    }
    siteData.put(site, staged.remove(site));
  }

  @Override
  public void finishRestore(RestoreJob job) {
    calls.add("finishRestore " + job.restoreId());
    movedAside.remove(job.targetSiteId());
  }

  @Override
  public void rollbackRestore(RestoreJob job) {
    calls.add("rollbackRestore " + job.restoreId());
    long site = job.targetSiteId();
    staged.remove(site);
    String aside = movedAside.remove(site);
    if (aside != null) {
      siteData.put(site, aside);
    }
  }
}
