package io.berth.panel.logs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One API client following a log as server-sent events: a thread of its own copies the agent's
 * lines into events; a keep-alive comment now and then finds out when a client of a quiet log has
 * gone. Whichever side ends first, the agent's stream is closed.
 */
final class LogEvents {

  static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

  private final InputStream ndjson;
  private final SseEmitter emitter = new SseEmitter(0L);
  private final AtomicBoolean closed = new AtomicBoolean();
  private ScheduledFuture<?> keepAlive;

  private LogEvents(InputStream ndjson) {
    this.ndjson = ndjson;
  }

  /** Starts copying {@code ndjson} into a new emitter (no time limit) and returns it. */
  static SseEmitter start(InputStream ndjson, LogScheduler scheduler, String threadName) {
    LogEvents events = new LogEvents(ndjson);
    events.emitter.onCompletion(events::close);
    events.emitter.onTimeout(events::close);
    events.emitter.onError(failure -> events.close());
    Thread copier = new Thread(events::copy, threadName);
    copier.setDaemon(true);
    copier.start();
    events.keepAlive = scheduler.every(KEEP_ALIVE, events::ping);
    return events.emitter;
  }

  private void copy() {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(ndjson, StandardCharsets.UTF_8))) {
      String json;
      while (!closed.get() && (json = lines.readLine()) != null) {
        if (!json.isBlank()) {
          emitter.send(SseEmitter.event().data(LogLine.parse(json).json(), LogsApi.TEXT));
        }
      }
    } catch (IOException | RuntimeException clientOrAgentGone) {
      // Either side went away: the stream simply ends (a client may reconnect), nothing to report.
    } finally {
      emitter.complete();
      close();
    }
  }

  private void ping() {
    if (closed.get()) {
      return;
    }
    try {
      emitter.send(SseEmitter.event().comment("keep-alive"));
    } catch (IOException | RuntimeException clientGone) {
      close();
    }
  }

  private void close() {
    if (closed.compareAndSet(false, true)) {
      if (keepAlive != null) {
        keepAlive.cancel(false);
      }
      try {
        ndjson.close();
      } catch (IOException ignored) {
        // The agent's connection is dropped either way.
      }
    }
  }
}
