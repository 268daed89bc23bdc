package io.berth.activities.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Port to where backups are kept. A backup is a set of named parts ({@link #FILES}, {@link
 * #DATABASE}, {@link #MANIFEST}) under one location, {@code site-<siteId>/backup-<backupId>}. Parts
 * are written into a pending area and become visible together when {@link PendingBackup#complete}
 * is called, so a backup cut off half-way is never taken for a whole one.
 */
public interface BackupStorage {

  /** The site's files: the volume as a tar, gzip-compressed. */
  String FILES = "files.tar.gz";

  /** The site's database: {@code mariadb-dump} output, gzip-compressed. */
  String DATABASE = "database.sql.gz";

  /** What the backup holds, with checksums: {@link BackupManifest} as JSON. */
  String MANIFEST = "manifest.json";

  /** Where the backup of that id is kept: {@code site-<siteId>/backup-<backupId>}. */
  static String location(long siteId, long backupId) {
    return "site-" + siteId + "/backup-" + backupId;
  }

  /** Whether a complete backup is stored at the location. */
  boolean isComplete(String location);

  /**
   * Starts writing the backup at the location afresh: whatever an earlier, unfinished attempt left
   * is discarded.
   */
  PendingBackup begin(String location) throws IOException;

  /**
   * Reads one part of a complete backup.
   *
   * @throws java.nio.file.NoSuchFileException when the backup or the part is not stored
   */
  InputStream open(String location, String part) throws IOException;

  /** The size of one part of a complete backup, if it is stored. */
  Optional<Long> size(String location, String part);

  /** Removes the backup and any unfinished attempt at it; no-op when there is none. */
  void delete(String location) throws IOException;

  /** A backup being written: its parts are invisible until {@link #complete}. */
  interface PendingBackup extends AutoCloseable {

    /** Opens a part for writing; the caller closes the stream. */
    OutputStream create(String part) throws IOException;

    /** Makes all parts written visible at once, as a complete backup. */
    void complete() throws IOException;

    /** Discards the parts unless {@link #complete} was called. */
    @Override
    void close();
  }
}
