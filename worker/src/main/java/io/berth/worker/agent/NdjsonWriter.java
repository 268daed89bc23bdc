package io.berth.worker.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.activities.logs.LogLine;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes log lines to an HTTP answer as NDJSON, {@code {"at","stream","line"}} one per line, each
 * flushed at once: nothing is buffered beyond the socket, so a slow reader holds the writer (and
 * the log behind it) back. A blank line is a keep-alive that finds out whether the reader is still
 * there while the log is quiet.
 */
final class NdjsonWriter {

  /** The JSON shape of one line. */
  record Line(String at, String stream, String line) {}

  private final OutputStream out;
  private final ObjectMapper json;
  private final ReentrantLock lock = new ReentrantLock();

  NdjsonWriter(OutputStream out, ObjectMapper json) {
    this.out = out;
    this.json = json;
  }

  static byte[] encode(ObjectMapper json, LogLine line) throws IOException {
    return json.writeValueAsBytes(new Line(line.at().toString(), line.stream(), line.line()));
  }

  /** Writes and flushes one line; throws when the reader has gone. */
  void write(LogLine line) throws IOException {
    byte[] bytes = encode(json, line);
    lock.lock();
    try {
      out.write(bytes);
      out.write('\n');
      out.flush();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Writes a blank line unless a line is being written right now (then the reader is busy, not
   * gone).
   *
   * @return false when the reader has gone
   */
  boolean keepAlive() {
    if (!lock.tryLock()) {
      return true;
    }
    try {
      out.write('\n');
      out.flush();
      return true;
    } catch (IOException gone) {
      return false;
    } finally {
      lock.unlock();
    }
  }
}
