package io.berth.panel.logs;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import org.springframework.stereotype.Component;

/**
 * The one timer thread that paces live logs: each open page's batched updates and the API stream's
 * keep-alives. Its tasks only hand work on (to a page's UI lock, to an emitter); they never wait
 * for a log.
 */
@Component
class LogScheduler {

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "berth-log-timer");
            thread.setDaemon(true);
            return thread;
          });

  /** Runs {@code task} every {@code period}, the first time at once. */
  ScheduledFuture<?> every(Duration period, Runnable task) {
    return timer.scheduleAtFixedRate(
        task, 0, period.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    timer.shutdownNow();
  }
}
