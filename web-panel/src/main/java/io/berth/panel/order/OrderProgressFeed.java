package io.berth.panel.order;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Live order pages: one poller per watched order, however many pages show it. The poller runs only
 * while someone watches, reads a fresh snapshot at a fixed interval and hands it to every watcher
 * when anything visible changed.
 */
@Component
public class OrderProgressFeed implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(OrderProgressFeed.class);

  private final OrderService orders;
  private final Duration interval;
  private final ScheduledExecutorService scheduler;
  private final Map<Long, Watch> watches = new ConcurrentHashMap<>();

  OrderProgressFeed(
      OrderService orders, @Value("${berth.panel.progress-interval:500ms}") Duration interval) {
    this.orders = orders;
    this.interval = interval;
    AtomicInteger threads = new AtomicInteger();
    this.scheduler =
        Executors.newScheduledThreadPool(
            2,
            task -> {
              Thread thread = new Thread(task, "order-progress-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Calls {@code listener} with every changed snapshot of the order until removed. */
  public Registration watch(long orderId, Consumer<OrderDetails> listener) {
    watches.compute(
        orderId,
        (id, existing) -> {
          Watch watch = existing != null ? existing : new Watch(id);
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
    return () -> unwatch(orderId, listener);
  }

  /** Polls the order now instead of at the next tick. */
  public void refresh(long orderId) {
    Watch watch = watches.get(orderId);
    if (watch != null) {
      poll(watch);
    }
  }

  int watchedOrders() {
    return watches.size();
  }

  private void unwatch(long orderId, Consumer<OrderDetails> listener) {
    watches.computeIfPresent(
        orderId,
        (id, watch) -> {
          watch.listeners.remove(listener);
          if (!watch.listeners.isEmpty()) {
            return watch;
          }
          watch.poller.cancel(false);
          return null;
        });
  }

  private void poll(Watch watch) {
    synchronized (watch) {
      try {
        OrderDetails details = orders.snapshot(watch.orderId);
        if (details.equals(watch.last)) {
          return;
        }
        watch.last = details;
        for (Consumer<OrderDetails> listener : watch.listeners) {
          deliver(listener, details);
        }
      } catch (RuntimeException e) {
        log.warn("Could not refresh order {}: {}", watch.orderId, e.toString());
      }
    }
  }

  private static void deliver(Consumer<OrderDetails> listener, OrderDetails details) {
    try {
      listener.accept(details);
    } catch (RuntimeException e) {
      log.debug("A watcher of order {} failed: {}", details.id(), e.toString());
    }
  }

  @Override
  public void destroy() {
    scheduler.shutdownNow();
  }

  private static final class Watch {
    final long orderId;
    final List<Consumer<OrderDetails>> listeners = new CopyOnWriteArrayList<>();
    ScheduledFuture<?> poller;
    OrderDetails last;

    Watch(long orderId) {
      this.orderId = orderId;
    }
  }
}
