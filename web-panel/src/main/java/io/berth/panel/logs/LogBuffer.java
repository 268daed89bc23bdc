package io.berth.panel.logs;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The newest lines of a followed log, never more than its capacity: when full, the oldest line goes
 * and is counted as skipped. A reader thread adds while the page takes snapshots, so a chatty
 * container costs a fixed amount of memory however fast it writes.
 */
final class LogBuffer {

  /** How many lines a page holds. */
  static final int CAPACITY = 2000;

  private final int capacity;
  private final ArrayDeque<LogLine> lines;
  private long received;

  LogBuffer(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.capacity = capacity;
    this.lines = new ArrayDeque<>(capacity);
  }

  /**
   * What the buffer holds at one moment.
   *
   * @param lines oldest first
   * @param received every line added since the buffer was made or cleared
   * @param skipped lines that went to make room (received but no longer held)
   */
  record Snapshot(List<LogLine> lines, long received, long skipped) {}

  synchronized void add(LogLine line) {
    if (lines.size() == capacity) {
      lines.pollFirst();
    }
    lines.addLast(line);
    received++;
  }

  synchronized long received() {
    return received;
  }

  synchronized Snapshot snapshot() {
    return new Snapshot(List.copyOf(lines), received, received - lines.size());
  }

  synchronized void clear() {
    lines.clear();
    received = 0;
  }

  int capacity() {
    return capacity;
  }
}
