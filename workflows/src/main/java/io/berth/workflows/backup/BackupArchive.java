package io.berth.workflows.backup;

/**
 * A backup as stored: where, how big, and the checksums that verification and every restore check
 * first.
 *
 * @param location where the storage keeps it (a directory under {@code berth.backup.dir}, or a key
 *     prefix); opaque to everyone but the storage
 * @param sizeBytes the whole backup as stored (what the customer downloads)
 * @param filesBytes the site's files, archived and compressed
 * @param fileCount how many regular files the archive holds
 * @param filesSha256 SHA-256 of the files archive, hex
 * @param databaseName the database dumped; null when the site has none
 * @param databaseBytes the dump, compressed; 0 when there is none
 * @param databaseSha256 SHA-256 of the compressed dump, hex; null when there is none
 * @param durationMillis how long making it took
 */
public record BackupArchive(
    long backupId,
    long siteId,
    String location,
    long sizeBytes,
    long filesBytes,
    int fileCount,
    String filesSha256,
    String databaseName,
    long databaseBytes,
    String databaseSha256,
    long durationMillis) {}
