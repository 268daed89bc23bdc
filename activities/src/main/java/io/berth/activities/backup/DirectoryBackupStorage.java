package io.berth.activities.backup;

import io.berth.activities.common.PermanentException;
import io.berth.workflows.common.FailureType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link BackupStorage} in a directory of the host ({@code berth.backup.dir}): each backup is a
 * directory {@code site-<siteId>/backup-<backupId>/} holding its parts. A backup is written into
 * {@code site-<siteId>/.backup-<backupId>.partial/} and renamed into place when complete, so the
 * final directory exists only with every part in it.
 */
public class DirectoryBackupStorage implements BackupStorage {

  private static final Logger log = LoggerFactory.getLogger(DirectoryBackupStorage.class);
  private static final Pattern LOCATION = Pattern.compile("site-(\\d+)/backup-(\\d+)");
  private static final Set<String> PARTS = Set.of(FILES, DATABASE, MANIFEST);

  private final Path root;

  /**
   * @param root where backups are kept; made absolute
   */
  public DirectoryBackupStorage(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  @Override
  public boolean isComplete(String location) {
    return Files.isRegularFile(directory(location).resolve(MANIFEST));
  }

  @Override
  public PendingBackup begin(String location) throws IOException {
    Path target = directory(location);
    Path pending = target.resolveSibling("." + target.getFileName() + ".partial");
    deleteTree(pending);
    Files.createDirectories(pending);
    return new PendingDirectory(pending, target);
  }

  @Override
  public InputStream open(String location, String part) throws IOException {
    return Files.newInputStream(directory(location).resolve(requirePart(part)));
  }

  @Override
  public Optional<Long> size(String location, String part) {
    Path file = directory(location).resolve(requirePart(part));
    try {
      return Optional.of(Files.size(file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void delete(String location) throws IOException {
    Path target = directory(location);
    deleteTree(target.resolveSibling("." + target.getFileName() + ".partial"));
    deleteTree(target);
    try {
      Files.deleteIfExists(target.getParent());
    } catch (DirectoryNotEmptyException e) {
      // Other backups of the site are kept there.
    }
  }

  /** The directory of a location, checked to be one this storage names. */
  Path directory(String location) {
    if (location == null || !LOCATION.matcher(location).matches()) {
      throw new PermanentException(FailureType.INVALID_INPUT, "Not a backup location: " + location);
    }
    return root.resolve(location);
  }

  private static String requirePart(String part) {
    if (!PARTS.contains(part)) {
      throw new PermanentException(FailureType.INVALID_INPUT, "Not a backup part: " + part);
    }
    return part;
  }

  private static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(path)) {
      for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(each);
      }
    }
  }

  private static final class PendingDirectory implements PendingBackup {

    private final Path pending;
    private final Path target;
    private boolean completed;

    PendingDirectory(Path pending, Path target) {
      this.pending = pending;
      this.target = target;
    }

    @Override
    public OutputStream create(String part) throws IOException {
      return Files.newOutputStream(pending.resolve(requirePart(part)));
    }

    @Override
    public void complete() throws IOException {
      try {
        Files.move(pending, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
        // A concurrent attempt completed the same backup first: keep that one.
        deleteTree(pending);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("Backup directory " + pending + " cannot be renamed atomically", e);
      }
      completed = true;
      log.info("Stored backup {}", target);
    }

    @Override
    public void close() {
      if (completed) {
        return;
      }
      try {
        deleteTree(pending);
      } catch (IOException e) {
        log.warn("Could not remove the unfinished backup {}: {}", pending, e.toString());
      }
    }
  }
}
