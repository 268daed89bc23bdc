package io.berth.activities.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Passes bytes on to a stream while counting them and computing their SHA-256. */
final class Sha256Output extends FilterOutputStream {

  private final MessageDigest digest = newDigest();
  private long bytes;

  Sha256Output(OutputStream out) {
    super(out);
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    digest.update((byte) b);
    bytes++;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    digest.update(b, off, len);
    bytes += len;
  }

  long bytes() {
    return bytes;
  }

  /** The SHA-256 of everything written, hex; call once, after the last write. */
  String sha256() {
    return HexFormat.of().formatHex(digest.digest());
  }

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  /** The SHA-256 of a whole stream, hex. */
  static String of(java.io.InputStream in) throws IOException {
    try (Sha256Output sink = new Sha256Output(OutputStream.nullOutputStream())) {
      in.transferTo(sink);
      return sink.sha256();
    }
  }
}
