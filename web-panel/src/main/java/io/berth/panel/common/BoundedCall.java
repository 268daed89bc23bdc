package io.berth.panel.common;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Waits for a Temporal call (typically an update) at most a given time, on another thread; the
 * waiting call is interrupted after that, so no request thread stays parked on a workflow whose
 * worker is down.
 */
public final class BoundedCall {

  private BoundedCall() {}

  /**
   * @param notAnswering the message of the {@link ServiceUnavailableException} on timeout
   * @param translate turns the call's own failure into what the customer is told
   */
  public static <R> R within(
      Executor executor,
      Duration timeout,
      String notAnswering,
      Supplier<R> call,
      Function<Throwable, RuntimeException> translate) {
    FutureTask<R> task = new FutureTask<>(() -> TemporalCalls.call(call));
    executor.execute(task);
    try {
      return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      task.cancel(true);
      throw new ServiceUnavailableException(notAnswering, e);
    } catch (InterruptedException e) {
      task.cancel(true);
      Thread.currentThread().interrupt();
      throw new ServiceUnavailableException(notAnswering, e);
    } catch (ExecutionException e) {
      throw translate.apply(e.getCause());
    }
  }
}
