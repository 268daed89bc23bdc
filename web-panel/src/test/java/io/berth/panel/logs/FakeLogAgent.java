package io.berth.panel.logs;

import io.berth.panel.common.NotFoundException;
import io.berth.panel.common.ServiceUnavailableException;
import io.berth.panel.host.HostAgent;
import io.berth.panel.testing.Resettable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A host agent for view tests: a followed log stays open, serving the lines a test writes until the
 * page closes it; or it floods without end; or the agent is down, or the site has no container. It
 * records what was opened and how many streams were closed.
 */
public class FakeLogAgent implements HostAgent, Resettable {

  enum Mode {
    LINES,
    FLOOD,
    DOWN,
    NO_CONTAINER
  }

  final List<String> opened = new CopyOnWriteArrayList<>();
  final AtomicInteger closed = new AtomicInteger();
  final AtomicLong flooded = new AtomicLong();
  private final List<OpenLog> open = new CopyOnWriteArrayList<>();
  private final List<String> initial = new CopyOnWriteArrayList<>();
  private volatile Mode mode = Mode.LINES;
  private volatile boolean endAfterInitial;

  @Override
  public void reset() {
    open.forEach(OpenLog::close);
    open.clear();
    opened.clear();
    initial.clear();
    closed.set(0);
    flooded.set(0);
    mode = Mode.LINES;
    endAfterInitial = false;
  }

  /** Every log opened from now on starts with these lines (stdout). */
  void lines(String... lines) {
    initial.addAll(List.of(lines));
  }

  /** Logs opened from now on end after their first lines, as a removed container's would. */
  void endAfterTheseLines() {
    endAfterInitial = true;
  }

  void mode(Mode mode) {
    this.mode = mode;
  }

  /** Writes a line to every log open now. */
  void write(String line) {
    open.forEach(log -> log.offer(line));
  }

  @Override
  public InputStream open(String hostId, String pathAndQuery) {
    opened.add(hostId + " " + pathAndQuery);
    return switch (mode) {
      case DOWN ->
          throw new ServiceUnavailableException(
              "The host's agent does not answer right now; try again in a moment.", null);
      case NO_CONTAINER -> throw new NotFoundException("Site has no container on this host.");
      case FLOOD -> new Flood();
      case LINES -> {
        OpenLog log = new OpenLog();
        initial.forEach(log::offer);
        if (endAfterInitial || pathAndQuery.contains("follow=false")) {
          log.end();
        }
        open.add(log);
        yield log;
      }
    };
  }

  static String ndjson(String line) {
    return "{\"at\":\"2026-11-27T05:00:00.000000001Z\",\"stream\":\"stdout\",\"line\":\""
        + line.replace("\\", "\\\\").replace("\"", "\\\"")
        + "\"}\n";
  }

  /** A followed log: lines as they are written, blocking in between, over once closed. */
  private final class OpenLog extends InputStream {

    private static final byte[] END = new byte[0];
    private final BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    private byte[] current = new byte[0];
    private int position;
    private volatile boolean over;

    void offer(String line) {
      chunks.add(ndjson(line).getBytes(StandardCharsets.UTF_8));
    }

    void end() {
      chunks.add(END);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
      if (position == current.length) {
        if (over) {
          return -1;
        }
        try {
          current = chunks.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("reader stopped");
        }
        position = 0;
        if (current == END) {
          over = true;
          return -1;
        }
      }
      int count = Math.min(length, current.length - position);
      System.arraycopy(current, position, into, offset, count);
      position += count;
      return count;
    }

    @Override
    public void close() {
      if (!over) {
        over = true;
        chunks.add(END);
      }
      if (open.remove(this)) {
        closed.incrementAndGet();
      }
    }
  }

  /** A container that writes as fast as it can, for ever, until the stream is closed. */
  private final class Flood extends InputStream {

    private byte[] current = new byte[0];
    private int position;
    private volatile boolean isClosed;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
      if (isClosed) {
        throw new IOException("stream closed");
      }
      if (position == current.length) {
        current =
            ndjson("flood line " + flooded.incrementAndGet()).getBytes(StandardCharsets.UTF_8);
        position = 0;
      }
      int count = Math.min(length, current.length - position);
      System.arraycopy(current, position, into, offset, count);
      position += count;
      return count;
    }

    @Override
    public void close() {
      if (!isClosed) {
        isClosed = true;
        closed.incrementAndGet();
      }
    }
  }
}
