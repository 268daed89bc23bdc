package io.berth.activities.logs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Splits a byte stream into lines and keeps at most {@code capacity} bytes of each: the rest of a
 * longer line is dropped as it arrives, so an endless line costs no more memory than a short one.
 */
final class LineSplitter {

  /** Receives each complete line as the first {@code length} bytes of {@code bytes}. */
  interface Handler {
    void line(byte[] bytes, int length) throws IOException;
  }

  private final byte[] buffer;
  private int length;

  LineSplitter(int capacity) {
    this.buffer = new byte[capacity];
  }

  /** Feeds bytes; {@code handler} gets each line completed by a newline among them. */
  void feed(byte[] bytes, int offset, int count, Handler handler) throws IOException {
    for (int i = offset; i < offset + count; i++) {
      byte b = bytes[i];
      if (b == '\n') {
        int end = length > 0 && buffer[length - 1] == '\r' ? length - 1 : length;
        length = 0;
        handler.line(buffer, end);
      } else if (length < buffer.length) {
        buffer[length++] = b;
      }
    }
  }

  /** Hands over a last line that has no newline, if any. */
  void finish(Handler handler) throws IOException {
    if (length > 0) {
      int end = length;
      length = 0;
      handler.line(buffer, end);
    }
  }

  /** Forgets a partial line (the file it came from was replaced). */
  void reset() {
    length = 0;
  }

  /**
   * Decodes {@code length} bytes from {@code offset} as UTF-8, cut to at most {@code max} bytes
   * without splitting a character.
   */
  static String decode(byte[] bytes, int offset, int length, int max) {
    int end = length;
    if (end > max) {
      end = max;
      while (end > 0 && (bytes[offset + end] & 0xC0) == 0x80) {
        end--;
      }
    }
    return new String(bytes, offset, end, StandardCharsets.UTF_8);
  }
}
