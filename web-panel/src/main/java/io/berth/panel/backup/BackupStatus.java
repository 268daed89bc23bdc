package io.berth.panel.backup;

/** Where one backup stands, as its row says ({@code backup.status}). */
public enum BackupStatus {
  RUNNING,
  VERIFYING,
  VERIFIED,
  FAILED,
  CORRUPT,
  DELETED;

  /** Still being made or verified: the site has a backup in progress. */
  public boolean inProgress() {
    return this == RUNNING || this == VERIFYING;
  }
}
