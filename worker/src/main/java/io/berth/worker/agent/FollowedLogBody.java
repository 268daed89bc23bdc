package io.berth.worker.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.activities.logs.LogFollow;
import io.berth.activities.logs.SiteLogs;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The answer of a followed log: the log's lines written through to the reader as they come, until
 * the log ends or the reader goes away (a write fails, at the latest at the next keep-alive); then
 * the log's stream is closed.
 */
final class FollowedLogBody implements StreamingResponseBody {

  private final SiteLogs logs;
  private final long siteId;
  private final int tail;
  private final ObjectMapper json;
  private final OpenFollows openFollows;
  private final Duration keepAlive;

  FollowedLogBody(
      SiteLogs logs,
      long siteId,
      int tail,
      ObjectMapper json,
      OpenFollows openFollows,
      Duration keepAlive) {
    this.logs = logs;
    this.siteId = siteId;
    this.tail = tail;
    this.json = json;
    this.openFollows = openFollows;
    this.keepAlive = keepAlive;
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    NdjsonWriter writer = new NdjsonWriter(out, json);
    out.flush();
    try (OpenFollows.Counted counted = openFollows.open();
        LogFollow follow = logs.follow(siteId, tail, writer::write)) {
      while (!follow.awaitEnd(keepAlive)) {
        if (!writer.keepAlive()) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while following the log of site " + siteId);
    }
  }
}
