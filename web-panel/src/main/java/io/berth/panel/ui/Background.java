package io.berth.panel.ui;

import com.vaadin.flow.component.UI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Work a page waits for without freezing (a workflow update may take seconds): it runs on the
 * executor, and its outcome is handed back to the page's UI thread by push.
 */
public final class Background {

  private Background() {}

  /**
   * Runs {@code work} on {@code executor}, then {@code done} or {@code failed} in the current UI.
   * Read what {@code work} needs from the session (the caller) before, on the UI thread.
   */
  public static <T> void run(
      Executor executor, Supplier<T> work, Consumer<T> done, Consumer<Throwable> failed) {
    UI ui = UI.getCurrent();
    CompletableFuture.supplyAsync(work, executor)
        .whenComplete(
            (result, failure) ->
                ui.access(
                    () -> {
                      if (failure == null) {
                        done.accept(result);
                      } else {
                        failed.accept(unwrap(failure));
                      }
                    }));
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }
}
