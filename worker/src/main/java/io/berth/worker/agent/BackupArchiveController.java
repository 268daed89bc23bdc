package io.berth.worker.agent;

import io.berth.activities.backup.BackupStorage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /agent/v1/backups/{backupId}/archive}: a backup stored on this host as one tar of its
 * parts ({@code files.tar.gz}, {@code database.sql.gz} when there is one, {@code manifest.json}),
 * streamed from the storage without holding it in memory. 404 (problem+json) when the backup's row
 * names another host, it was deleted, or its parts are not here.
 */
@RestController
class BackupArchiveController {

  static final MediaType TAR = MediaType.parseMediaType("application/x-tar");

  private static final int BLOCK = 512;

  private static final List<String> PARTS =
      List.of(BackupStorage.FILES, BackupStorage.DATABASE, BackupStorage.MANIFEST);

  private final JdbcClient jdbc;
  private final BackupStorage storage;
  private final String hostId;

  BackupArchiveController(
      JdbcClient jdbc, BackupStorage storage, @Value("${berth.host.id:local}") String hostId) {
    this.jdbc = jdbc;
    this.storage = storage;
    this.hostId = hostId;
  }

  private record StoredBackup(String location, String hostId, String status) {}

  @GetMapping("/agent/v1/backups/{backupId}/archive")
  ResponseEntity<StreamingResponseBody> archive(@PathVariable long backupId) {
    Optional<StoredBackup> row =
        jdbc.sql("SELECT location, host_id, status FROM backup WHERE id = :id")
            .param("id", backupId)
            .query(StoredBackup.class)
            .optional();
    if (row.isEmpty()
        || row.get().location() == null
        || !hostId.equals(row.get().hostId())
        || "DELETED".equals(row.get().status())
        || !storage.isComplete(row.get().location())) {
      throw new BackupNotHereException(backupId);
    }
    String location = row.get().location();
    List<Part> parts = new ArrayList<>();
    for (String name : PARTS) {
      storage.size(location, name).ifPresent(size -> parts.add(new Part(name, size)));
    }
    StreamingResponseBody body = out -> writeTar(location, parts, out);
    return ResponseEntity.ok()
        .contentType(TAR)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("backup-" + backupId + ".tar")
                .build()
                .toString())
        .contentLength(tarLength(parts))
        .body(body);
  }

  private record Part(String name, long size) {}

  private void writeTar(String location, List<Part> parts, OutputStream out) throws IOException {
    try (TarArchiveOutputStream tar =
        new TarArchiveOutputStream(out, BLOCK, StandardCharsets.UTF_8.name())) {
      for (Part part : parts) {
        TarArchiveEntry entry = new TarArchiveEntry(part.name());
        entry.setSize(part.size());
        entry.setMode(0100644);
        tar.putArchiveEntry(entry);
        try (InputStream in = storage.open(location, part.name())) {
          in.transferTo(tar);
        }
        tar.closeArchiveEntry();
      }
      tar.finish();
    }
  }

  /**
   * The tar's exact length: a 512-byte header per part, each part padded to 512 bytes, and two
   * empty blocks at the end (the tar is written in 512-byte records, so nothing pads it further).
   */
  static long tarLength(List<Part> parts) {
    long length = 0;
    for (Part part : parts) {
      length += BLOCK + (part.size() + BLOCK - 1) / BLOCK * BLOCK;
    }
    return length + 2 * BLOCK;
  }

  @ExceptionHandler(BackupNotHereException.class)
  ResponseEntity<ProblemDetail> notHere(BackupNotHereException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage()));
  }

  /** The backup asked for is not stored on this host. */
  static final class BackupNotHereException extends RuntimeException {

    BackupNotHereException(long backupId) {
      super("Backup " + backupId + " is not stored on this host.");
    }
  }
}
