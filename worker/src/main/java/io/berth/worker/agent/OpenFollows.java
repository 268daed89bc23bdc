package io.berth.worker.agent;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many followed logs the agent is streaming right now (gauge {@code berth_agent_log_follows});
 * each ends when its reader goes away or its log ends.
 */
public final class OpenFollows {

  private final AtomicInteger open = new AtomicInteger();

  /** Counts one follow until the returned handle is closed. */
  Counted open() {
    open.incrementAndGet();
    return new Counted();
  }

  /** The follows open now. */
  public int count() {
    return open.get();
  }

  /** One open follow; closing it twice counts once. */
  final class Counted implements AutoCloseable {
    private boolean closed;

    @Override
    public synchronized void close() {
      if (!closed) {
        closed = true;
        open.decrementAndGet();
      }
    }
  }
}
