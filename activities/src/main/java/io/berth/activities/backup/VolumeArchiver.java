package io.berth.activities.backup;

import io.berth.activities.common.PermanentException;
import io.berth.activities.docker.DockerEngineException;
import io.berth.workflows.common.FailureType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A volume's files in and out as a tar archive, through the engine's archive API on a helper
 * container: read from a helper with the volume mounted read-only, written through one with it
 * mounted read-write. The archive is the engine's own, byte for byte: owners, modes, links and
 * times as the volume has them; extracting keeps the archive's owners ({@code copyUIDGID}).
 */
public class VolumeArchiver {

  private static final Logger log = LoggerFactory.getLogger(VolumeArchiver.class);

  private final HelperContainers helpers;

  public VolumeArchiver(HelperContainers helpers) {
    this.helpers = helpers;
  }

  /** What archiving a volume wrote. */
  record ArchivedFiles(long bytes, String sha256, TarContents contents) {}

  /**
   * Writes the volume's files as a gzip-compressed tar to {@code out} (left open), through the
   * helper {@code helperName}, which is removed afterwards.
   *
   * @throws PermanentException NOT_FOUND when the volume does not exist on this host
   */
  ArchivedFiles archive(String volume, String helperName, OutputStream out, Runnable heartbeat) {
    requireVolume(volume);
    helpers.create(helperName, volume, true, "backup-helper");
    try (InputStream tar =
        helpers
            .objects()
            .call(
                "read the files of volume " + volume,
                () ->
                    helpers
                        .docker()
                        .copyArchiveFromContainerCmd(helperName, HelperContainers.MOUNT + "/.")
                        .exec())) {
      Sha256Output counted = new Sha256Output(nonClosing(out));
      TarContents contents;
      try (GZIPOutputStream gzip = new GZIPOutputStream(counted, 65536)) {
        ProgressInput copying = new ProgressInput(tar, gzip, heartbeat);
        contents = TarContents.read(copying);
        // Whatever follows the end-of-archive marker belongs to the archive too.
        copying.transferTo(OutputStream.nullOutputStream());
      }
      log.info(
          "Archived volume {}: {} files, {} bytes compressed",
          volume,
          contents.fileCount(),
          counted.bytes());
      return new ArchivedFiles(counted.bytes(), counted.sha256(), contents);
    } catch (IOException e) {
      throw new DockerEngineException("Reading the files of volume " + volume + " failed", e);
    } finally {
      helpers.remove(helperName);
    }
  }

  /**
   * Extracts a gzip-compressed tar made by {@link #archive} into {@code directory} of the volume (a
   * top-level directory it creates, owned by root with mode 0700 until the archive's root entry
   * sets it; empty for the volume's root), through the helper {@code helperName}, which is removed
   * afterwards.
   */
  void extract(
      String volume, String directory, String helperName, InputStream tarGz, Runnable heartbeat) {
    requireVolume(volume);
    helpers.create(helperName, volume, false, "restore-helper");
    try {
      String target = HelperContainers.MOUNT;
      if (!directory.isEmpty()) {
        upload(helperName, target, new ByteArrayInputStream(directoryEntry(directory)));
        target = target + "/" + directory;
      }
      try (InputStream tar =
          new GZIPInputStream(new ProgressInput(tarGz, null, heartbeat), 65536)) {
        upload(helperName, target, tar);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Reading the archive for volume " + volume + " failed", e);
    } finally {
      helpers.remove(helperName);
    }
  }

  /** The regular files of the volume, summed up as {@link TarContents}, read through a helper. */
  TarContents contents(String volume, String helperName, Runnable heartbeat) {
    requireVolume(volume);
    helpers.create(helperName, volume, true, "verify-helper");
    try (InputStream tar =
        helpers
            .objects()
            .call(
                "read the files of volume " + volume,
                () ->
                    helpers
                        .docker()
                        .copyArchiveFromContainerCmd(helperName, HelperContainers.MOUNT + "/.")
                        .exec())) {
      ProgressInput reading = new ProgressInput(tar, null, heartbeat);
      TarContents contents = TarContents.read(reading);
      reading.transferTo(OutputStream.nullOutputStream());
      return contents;
    } catch (IOException e) {
      throw new DockerEngineException("Reading the files of volume " + volume + " failed", e);
    } finally {
      helpers.remove(helperName);
    }
  }

  private void upload(String helperName, String path, InputStream tar) {
    helpers
        .objects()
        .call(
            "write files into " + helperName + ":" + path,
            () ->
                helpers
                    .docker()
                    .copyArchiveToContainerCmd(helperName)
                    .withRemotePath(path)
                    .withCopyUIDGID(true)
                    .withTarInputStream(tar)
                    .exec());
  }

  private void requireVolume(String volume) {
    if (!helpers.volumeExists(volume)) {
      throw new PermanentException(
          FailureType.NOT_FOUND, "Volume " + volume + " does not exist on this host");
    }
  }

  /** A tar holding one empty directory, root's, mode 0700. */
  private static byte[] directoryEntry(String directory) throws IOException {
    var bytes = new ByteArrayOutputStream();
    try (var tar = new TarArchiveOutputStream(bytes, StandardCharsets.UTF_8.name())) {
      TarArchiveEntry entry = new TarArchiveEntry(directory + "/");
      entry.setMode(040700);
      entry.setIds(0, 0);
      tar.putArchiveEntry(entry);
      tar.closeArchiveEntry();
    }
    return bytes.toByteArray();
  }

  private static OutputStream nonClosing(OutputStream out) {
    return new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }
}
