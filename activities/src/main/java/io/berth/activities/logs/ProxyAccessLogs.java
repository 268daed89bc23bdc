package io.berth.activities.logs;

import io.berth.activities.proxy.AccessLogFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * {@link SiteLogs} of the host's reverse proxy: the site's nginx access log ({@link
 * AccessLogFiles}), one {@link LogLine#ACCESS} line per request, timed by the request time in the
 * line. A followed log reads the file as it grows on a thread of its own and keeps going when the
 * file is rotated (moved away and created anew) or truncated. A site that has had no request yet
 * has an empty log.
 */
public final class ProxyAccessLogs implements SiteLogs {

  private static final int CHUNK = 64 * 1024;

  private final AccessLogFiles files;
  private final LongPredicate siteOnHost;
  private final Duration pollInterval;
  private final Clock clock;

  /**
   * @param siteOnHost whether a site has a container on this host
   * @param pollInterval how long a follow waits before looking at a file that did not grow
   */
  public ProxyAccessLogs(
      AccessLogFiles files, LongPredicate siteOnHost, Duration pollInterval, Clock clock) {
    this.files = files;
    this.siteOnHost = siteOnHost;
    this.pollInterval = pollInterval;
    this.clock = clock;
  }

  @Override
  public boolean hasSite(long siteId) {
    return siteOnHost.test(siteId);
  }

  @Override
  public List<LogLine> tail(long siteId, int lines) {
    requireSite(siteId);
    List<LogLine> collected = new ArrayList<>();
    Path file = files.forSite(siteId);
    try (FileChannel channel = FileChannel.open(file)) {
      long end = channel.size();
      read(channel, startOfLastLines(channel, end, lines), end, collected::add);
    } catch (NoSuchFileException none) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + file, e);
    }
    return collected;
  }

  @Override
  public LogFollow follow(long siteId, int tail, LineSink sink) {
    requireSite(siteId);
    AccessLogFollow follow =
        new AccessLogFollow(files.forSite(siteId), tail, sink, pollInterval, clock);
    follow.start("proxy-log-site-" + siteId);
    return follow;
  }

  private void requireSite(long siteId) {
    if (!hasSite(siteId)) {
      throw new SiteNotOnHostException(siteId);
    }
  }

  private void read(FileChannel channel, long from, long to, LineSink sink) throws IOException {
    LineSplitter splitter = new LineSplitter(LogLine.MAX_BYTES);
    ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
    long position = from;
    while (position < to) {
      buffer.clear().limit((int) Math.min(CHUNK, to - position));
      int read = channel.read(buffer, position);
      if (read < 0) {
        break;
      }
      splitter.feed(
          buffer.array(),
          0,
          read,
          (bytes, length) -> sink.accept(accessLine(bytes, length, clock)));
      position += read;
    }
  }

  /** The line an access log's bytes make, timed by its request time. */
  static LogLine accessLine(byte[] bytes, int length, Clock clock) {
    String text = LineSplitter.decode(bytes, 0, length, LogLine.MAX_BYTES);
    return new LogLine(
        AccessLogTimes.requestTime(text).orElse(clock.instant()), LogLine.ACCESS, text);
  }

  /**
   * The position where the last {@code lines} complete lines before {@code end} start: found by
   * reading backwards in chunks, so a large file costs only its tail.
   */
  static long startOfLastLines(FileChannel channel, long end, int lines) throws IOException {
    if (lines <= 0) {
      return end;
    }
    ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
    int newlines = 0;
    long position = end;
    // A newline that ends the file closes the last line rather than starting an empty one.
    boolean skipLast = end > 0 && byteAt(channel, end - 1) == '\n';
    while (position > 0) {
      int size = (int) Math.min(CHUNK, position);
      position -= size;
      buffer.clear().limit(size);
      channel.read(buffer, position);
      for (int i = size - 1; i >= 0; i--) {
        if (buffer.get(i) == '\n') {
          if (skipLast && position + i == end - 1) {
            continue;
          }
          newlines++;
          if (newlines == lines) {
            return position + i + 1;
          }
        }
      }
    }
    return 0;
  }

  private static byte byteAt(FileChannel channel, long position) throws IOException {
    ByteBuffer one = ByteBuffer.allocate(1);
    channel.read(one, position);
    return one.get(0);
  }
}
