package io.berth.activities.backup;

import java.util.Map;

/**
 * What a stored backup holds, written as {@link BackupStorage#MANIFEST} beside its parts: enough to
 * check the parts and to tell whether a restore brought back what was backed up.
 *
 * @param createdAt when the backup was made, ISO-8601
 * @param durationMillis how long making it took
 * @param files the site's files
 * @param database the site's database; null when the site has none
 */
public record BackupManifest(
    long backupId,
    long siteId,
    String createdAt,
    long durationMillis,
    FilesPart files,
    DatabasePart database) {

  /**
   * The files part.
   *
   * @param bytes size of {@code files.tar.gz}
   * @param sha256 SHA-256 of {@code files.tar.gz}, hex
   * @param fileCount regular files in the archive
   * @param contentBytes the regular files' sizes added up
   * @param contentSha256 SHA-256 over every regular file's path and SHA-256, in path order: the
   *     same for any archive of the same files
   */
  public record FilesPart(
      long bytes, String sha256, int fileCount, long contentBytes, String contentSha256) {}

  /**
   * The database part.
   *
   * @param name the database dumped
   * @param bytes size of {@code database.sql.gz}
   * @param sha256 SHA-256 of {@code database.sql.gz}, hex
   * @param tables every table in the dump with its rows
   */
  public record DatabasePart(String name, long bytes, String sha256, Map<String, Long> tables) {}
}
