package io.berth.activities.backup;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Passes a stream on unchanged, copying every byte read to a second stream (when given) and calling
 * a heartbeat every few MiB, so a long transfer shows it is alive.
 */
final class ProgressInput extends FilterInputStream {

  private static final long HEARTBEAT_BYTES = 4L << 20;

  private final OutputStream copy;
  private final Runnable heartbeat;
  private long sinceHeartbeat;

  ProgressInput(InputStream in, OutputStream copy, Runnable heartbeat) {
    super(in);
    this.copy = copy;
    this.heartbeat = heartbeat;
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      if (copy != null) {
        copy.write(b);
      }
      progress(1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int read = in.read(b, off, len);
    if (read > 0) {
      if (copy != null) {
        copy.write(b, off, read);
      }
      progress(read);
    }
    return read;
  }

  @Override
  public long skip(long n) throws IOException {
    // Skipped bytes must reach the copy too: read them.
    byte[] buffer = new byte[(int) Math.min(n, 65536)];
    long skipped = 0;
    while (skipped < n) {
      int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
      if (read < 0) {
        break;
      }
      skipped += read;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void progress(int bytes) {
    sinceHeartbeat += bytes;
    if (sinceHeartbeat >= HEARTBEAT_BYTES) {
      sinceHeartbeat = 0;
      heartbeat.run();
    }
  }
}
