package io.berth.activities.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The regular files of a tar archive, summed up: how many, their sizes added up, and one SHA-256
 * over every file's path and content digest in path order. Two archives of the same files agree,
 * whatever order the engine listed them in.
 */
record TarContents(int fileCount, long contentBytes, String contentSha256) {

  /**
   * Reads the archive to its end-of-archive marker; the caller drains whatever follows, if it needs
   * every byte read.
   */
  static TarContents read(InputStream tar) throws IOException {
    Map<String, String> files = new TreeMap<>();
    long bytes = 0;
    TarArchiveInputStream entries = new TarArchiveInputStream(tar, StandardCharsets.UTF_8.name());
    TarArchiveEntry entry;
    while ((entry = entries.getNextEntry()) != null) {
      if (!regular(entry)) {
        continue;
      }
      MessageDigest digest = Sha256Output.newDigest();
      byte[] buffer = new byte[65536];
      int read;
      while ((read = entries.read(buffer)) >= 0) {
        digest.update(buffer, 0, read);
        bytes += read;
      }
      files.put(normalise(entry.getName()), HexFormat.of().formatHex(digest.digest()));
    }
    MessageDigest all = Sha256Output.newDigest();
    files.forEach(
        (path, sha) -> all.update((sha + "  " + path + "\n").getBytes(StandardCharsets.UTF_8)));
    return new TarContents(files.size(), bytes, HexFormat.of().formatHex(all.digest()));
  }

  /** A regular file with its content in the archive: not a link, a device or a FIFO. */
  private static boolean regular(TarArchiveEntry entry) {
    return entry.isFile()
        && !entry.isSymbolicLink()
        && !entry.isLink()
        && !entry.isCharacterDevice()
        && !entry.isBlockDevice()
        && !entry.isFIFO();
  }

  /** {@code ./a/b} and {@code a/b} name the same file. */
  private static String normalise(String name) {
    return name.startsWith("./") ? name.substring(2) : name;
  }
}
