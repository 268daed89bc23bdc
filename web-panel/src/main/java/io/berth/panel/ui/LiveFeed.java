package io.berth.panel.ui;

import com.vaadin.flow.shared.Registration;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Live pages: one poller per watched object (an order, a domain), however many pages show it. The
 * poller runs only while someone watches, reads a fresh snapshot at a fixed interval and hands it
 * to every watcher when anything visible changed (snapshots are compared with {@code equals}).
 *
 * @param <T> the snapshot a page renders
 */
public class LiveFeed<T> implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

  private final String what;
  private final LongFunction<T> snapshots;
  private final Duration interval;
  private final ScheduledExecutorService scheduler;
  private final Map<Long, Watch<T>> watches = new ConcurrentHashMap<>();

  /**
   * @param what what is watched, for thread names and logs ("order", "domain")
   * @param snapshots reads the current snapshot of one object by id
   * @param interval pause between two reads
   */
  protected LiveFeed(String what, LongFunction<T> snapshots, Duration interval) {
    this.what = what;
    this.snapshots = snapshots;
    this.interval = interval;
    AtomicInteger threads = new AtomicInteger();
    this.scheduler =
        Executors.newScheduledThreadPool(
            2,
            task -> {
              Thread thread = new Thread(task, what + "-progress-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Calls {@code listener} with every changed snapshot of object {@code id} until removed. */
  public Registration watch(long id, Consumer<T> listener) {
    watches.compute(
        id,
        (key, existing) -> {
          Watch<T> watch = existing != null ? existing : new Watch<>(key);
          watch.listeners.add(listener);
          if (watch.poller == null) {
            watch.poller =
                scheduler.scheduleWithFixedDelay(
                    () -> poll(watch),
                    interval.toMillis(),
                    interval.toMillis(),
                    TimeUnit.MILLISECONDS);
          }
          return watch;
        });
    return () -> unwatch(id, listener);
  }

  /** Reads object {@code id} now instead of at the next tick. */
  public void refresh(long id) {
    Watch<T> watch = watches.get(id);
    if (watch != null) {
      poll(watch);
    }
  }

  /** How many objects have at least one watcher. */
  protected int watched() {
    return watches.size();
  }

  private void unwatch(long id, Consumer<T> listener) {
    watches.computeIfPresent(
        id,
        (key, watch) -> {
          watch.listeners.remove(listener);
          if (!watch.listeners.isEmpty()) {
            return watch;
          }
          watch.poller.cancel(false);
          return null;
        });
  }

  private void poll(Watch<T> watch) {
    synchronized (watch) {
      try {
        T snapshot = snapshots.apply(watch.id);
        if (snapshot.equals(watch.last)) {
          return;
        }
        watch.last = snapshot;
        for (Consumer<T> listener : watch.listeners) {
          deliver(listener, watch.id, snapshot);
        }
      } catch (RuntimeException e) {
        log.warn("Could not refresh {} {}: {}", what, watch.id, e.toString());
      }
    }
  }

  private void deliver(Consumer<T> listener, long id, T snapshot) {
    try {
      listener.accept(snapshot);
    } catch (RuntimeException e) {
      log.debug("A watcher of {} {} failed: {}", what, id, e.toString());
    }
  }

  @Override
  public void destroy() {
    scheduler.shutdownNow();
  }

  private static final class Watch<T> {
    final long id;
    final List<Consumer<T>> listeners = new CopyOnWriteArrayList<>();
    ScheduledFuture<?> poller;
    T last;

    Watch(long id) {
      this.id = id;
    }
  }
}
