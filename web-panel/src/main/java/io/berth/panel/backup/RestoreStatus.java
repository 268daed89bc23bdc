package io.berth.panel.backup;

/** Where one restore stands, as its row says ({@code restore.status}). */
public enum RestoreStatus {
  RUNNING,
  COMPLETED,
  FAILED
}
