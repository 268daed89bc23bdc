package io.berth.activities.logs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Follows one access log file on a thread of its own: the last lines first, then whatever is
 * appended. When the file shrinks (truncated) it starts again from the top; when another file takes
 * its name (rotated) it finishes the old one and continues with the new one from its start. The
 * sink is called on this thread, so a slow sink slows the reading down.
 */
final class AccessLogFollow implements LogFollow {

  private static final int CHUNK = 64 * 1024;

  /**
   * How many bytes before the read position are remembered: if they change, the file was truncated
   * and written again past the old position (a size check alone misses that).
   */
  private static final int MARK = 1024;

  private final Path file;
  private final int tail;
  private final LineSink sink;
  private final Duration pollInterval;
  private final Clock clock;
  private final CountDownLatch ended = new CountDownLatch(1);
  private final LineSplitter splitter = new LineSplitter(LogLine.MAX_BYTES);
  private final ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
  private final byte[] mark = new byte[MARK];
  private int markLength;
  private volatile boolean closed;
  private Thread thread;

  AccessLogFollow(Path file, int tail, LineSink sink, Duration pollInterval, Clock clock) {
    this.file = file;
    this.tail = tail;
    this.sink = sink;
    this.pollInterval = pollInterval;
    this.clock = clock;
  }

  void start(String threadName) {
    thread = new Thread(this::run, threadName);
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    FileChannel channel = null;
    try {
      Object key = null;
      long position = 0;
      boolean first = true;
      while (!closed) {
        if (channel == null) {
          try {
            channel = FileChannel.open(file);
          } catch (NoSuchFileException notYet) {
            first = false;
            pause();
            continue;
          }
          key = fileKey(file);
          long end = channel.size();
          position = first ? ProxyAccessLogs.startOfLastLines(channel, end, tail) : 0;
          first = false;
          splitter.reset();
          markFrom(channel, position);
        }
        long size = channel.size();
        if (size < position || !markStillAt(channel, position)) {
          position = 0;
          markLength = 0;
          splitter.reset();
        }
        if (size > position) {
          position += readAt(channel, position, size);
          continue;
        }
        Object current = fileKey(file);
        if (!Objects.equals(current, key)) {
          channel.close();
          channel = null;
          continue;
        }
        pause();
      }
    } catch (ClosedByInterruptException | InterruptedException stopped) {
      // close() interrupted the thread.
    } catch (IOException | RuntimeException e) {
      // The sink's reader went away, or the file could not be read: the follow ends.
    } finally {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // Closing a read-only file loses nothing.
        }
      }
      ended.countDown();
    }
  }

  private int readAt(FileChannel channel, long position, long size) throws IOException {
    buffer.clear().limit((int) Math.min(CHUNK, size - position));
    int read = channel.read(buffer, position);
    if (read <= 0) {
      return 0;
    }
    remember(position, read);
    splitter.feed(
        buffer.array(),
        0,
        read,
        (bytes, length) -> sink.accept(ProxyAccessLogs.accessLine(bytes, length, clock)));
    return read;
  }

  /** Keeps the last bytes before {@code position + read}, from the buffer just read. */
  private void remember(long position, int read) {
    int fromBuffer = Math.min(read, MARK);
    int kept = (int) Math.min(MARK - fromBuffer, markLength);
    System.arraycopy(mark, markLength - kept, mark, 0, kept);
    System.arraycopy(buffer.array(), read - fromBuffer, mark, kept, fromBuffer);
    markLength = kept + fromBuffer;
  }

  /** Remembers the bytes of the file just before {@code position}. */
  private void markFrom(FileChannel channel, long position) throws IOException {
    int length = (int) Math.min(MARK, position);
    ByteBuffer before = ByteBuffer.wrap(mark, 0, length);
    while (before.hasRemaining()) {
      if (channel.read(before, position - length + before.position()) < 0) {
        break;
      }
    }
    markLength = before.position();
  }

  /** Whether the bytes remembered still end at {@code position}. */
  private boolean markStillAt(FileChannel channel, long position) throws IOException {
    if (markLength == 0 || position < markLength) {
      return true;
    }
    ByteBuffer current = ByteBuffer.allocate(markLength);
    long at = position - markLength;
    while (current.hasRemaining()) {
      int read = channel.read(current, at + current.position());
      if (read < 0) {
        return false;
      }
    }
    return Arrays.equals(current.array(), 0, markLength, mark, 0, markLength);
  }

  private void pause() throws InterruptedException {
    Thread.sleep(pollInterval.toMillis());
  }

  private static Object fileKey(Path file) {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    } catch (IOException gone) {
      return null;
    }
  }

  @Override
  public boolean awaitEnd(Duration timeout) throws InterruptedException {
    return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    closed = true;
    if (thread != null) {
      thread.interrupt();
    }
  }
}
