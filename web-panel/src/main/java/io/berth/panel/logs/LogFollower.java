package io.berth.panel.logs;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import io.berth.panel.common.UserFacingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Follows one log for one open page. A reader thread of its own reads the agent's NDJSON into a
 * {@link LogBuffer}; a timer hands the page whatever arrived at most every {@link #BATCH}, through
 * one {@code ui.access} at a time, never one per line. So a chatty container can neither stall the
 * page (it is updated at a fixed pace) nor grow its memory (the buffer is bounded).
 */
final class LogFollower {

  /** How often at most a page is updated. */
  static final Duration BATCH = Duration.ofMillis(250);

  static final String ENDED =
      "The log stream has ended (the site's container stopped or its host restarted). Reconnect"
          + " to follow it again.";
  static final String BROKEN =
      "The log stream was interrupted: the host's agent stopped answering. Reconnect to follow it"
          + " again.";

  /** What the page does with a batch; called inside the page's UI lock. */
  interface Display {

    void show(LogBuffer.Snapshot snapshot);

    /** The stream is over, for the reason given in words a person can act on. */
    void ended(String reason);
  }

  private final UI ui;
  private final LogBuffer buffer;
  private final Display display;
  private final AtomicBoolean updatePending = new AtomicBoolean();
  private volatile boolean stopped;
  private volatile InputStream stream;
  private volatile String endReason;
  private Thread reader;
  private ScheduledFuture<?> ticks;
  private volatile long shownReceived = -1;
  private volatile boolean endShown;

  LogFollower(UI ui, LogBuffer buffer, Display display) {
    this.ui = ui;
    this.buffer = buffer;
    this.display = display;
  }

  /** Opens the stream on a reader thread named {@code threadName} and starts the updates. */
  void start(Supplier<InputStream> opener, LogScheduler scheduler, String threadName) {
    reader = new Thread(() -> read(opener), threadName);
    reader.setDaemon(true);
    reader.start();
    ticks = scheduler.every(BATCH, this::tick);
  }

  /** Closes the stream, ends the reader and the updates; the page shows nothing more from it. */
  void stop() {
    stopped = true;
    if (ticks != null) {
      ticks.cancel(false);
    }
    closeStream();
    if (reader != null) {
      reader.interrupt();
    }
  }

  private void read(Supplier<InputStream> opener) {
    try (InputStream opened = opener.get()) {
      stream = opened;
      if (stopped) {
        return;
      }
      BufferedReader lines =
          new BufferedReader(new InputStreamReader(opened, StandardCharsets.UTF_8));
      String json;
      while (!stopped && (json = lines.readLine()) != null) {
        if (!json.isBlank()) {
          buffer.add(LogLine.parse(json));
        }
      }
      endReason = ENDED;
    } catch (UserFacingException refused) {
      endReason = refused.getMessage();
    } catch (IOException | RuntimeException broken) {
      endReason = BROKEN;
    }
  }

  private void tick() {
    try {
      boolean changed = buffer.received() != shownReceived;
      boolean over = endReason != null && !endShown;
      if (stopped || !(changed || over) || !updatePending.compareAndSet(false, true)) {
        return;
      }
      ui.access(this::update);
    } catch (UIDetachedException gone) {
      stop();
    } catch (RuntimeException unexpected) {
      updatePending.set(false);
    }
  }

  /** Runs inside the UI lock: the page gets everything that arrived since the last batch. */
  private void update() {
    updatePending.set(false);
    if (stopped) {
      return;
    }
    String reason = endReason;
    LogBuffer.Snapshot snapshot = buffer.snapshot();
    if (snapshot.received() != shownReceived) {
      shownReceived = snapshot.received();
      display.show(snapshot);
    }
    if (reason != null && !endShown) {
      endShown = true;
      display.ended(reason);
    }
  }

  private void closeStream() {
    InputStream open = stream;
    if (open != null) {
      try {
        open.close();
      } catch (IOException ignored) {
        // Closing is all that is wanted; the reader ends either way.
      }
    }
  }
}
