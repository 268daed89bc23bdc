package io.berth.workflows.backup;

/** Why a backup was made. */
public enum BackupKind {
  /** By the site's daily schedule. */
  SCHEDULED,
  /** "Back up now" in the panel or the API. */
  MANUAL,
  /** The state of a site just before a restore replaced it: the way back. */
  PRE_RESTORE
}
