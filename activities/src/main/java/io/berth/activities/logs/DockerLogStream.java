package io.berth.activities.logs;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One Docker log stream ({@code timestamps=true}): its frames split into lines per stream, each
 * line's leading RFC 3339 timestamp parsed into {@link LogLine#at()}, and each line handed to the
 * sink on docker-java's reading thread. A sink that throws closes the stream.
 */
final class DockerLogStream extends ResultCallback.Adapter<Frame> implements LogFollow {

  /** Docker's timestamp ({@code 2026-11-27T05:00:00.123456789Z}) and the space after it. */
  private static final int TIMESTAMP_ROOM = 64;

  private final LineSink sink;
  private final LineSplitter stdout = new LineSplitter(TIMESTAMP_ROOM + LogLine.MAX_BYTES);
  private final LineSplitter stderr = new LineSplitter(TIMESTAMP_ROOM + LogLine.MAX_BYTES);
  private final CountDownLatch ended = new CountDownLatch(1);
  private volatile Throwable failure;

  DockerLogStream(LineSink sink) {
    this.sink = sink;
  }

  @Override
  public void onNext(Frame frame) {
    boolean isStderr = frame.getStreamType() == StreamType.STDERR;
    byte[] payload = frame.getPayload();
    try {
      (isStderr ? stderr : stdout)
          .feed(payload, 0, payload.length, (bytes, length) -> deliver(bytes, length, isStderr));
    } catch (IOException | RuntimeException e) {
      failure = e;
      closeQuietly();
    }
  }

  @Override
  public void onComplete() {
    try {
      stdout.finish((bytes, length) -> deliver(bytes, length, false));
      stderr.finish((bytes, length) -> deliver(bytes, length, true));
    } catch (IOException | RuntimeException e) {
      failure = e;
    }
    closeQuietly();
  }

  @Override
  public void onError(Throwable throwable) {
    if (failure == null) {
      failure = throwable;
    }
    closeQuietly();
  }

  private void deliver(byte[] bytes, int length, boolean isStderr) throws IOException {
    int space = 0;
    while (space < length && space < TIMESTAMP_ROOM && bytes[space] != ' ') {
      space++;
    }
    Instant at = null;
    int textStart = 0;
    if (space < length && bytes[space] == ' ') {
      try {
        at = Instant.parse(new String(bytes, 0, space, StandardCharsets.US_ASCII));
        textStart = space + 1;
      } catch (DateTimeException notATimestamp) {
        at = null;
      }
    }
    if (at == null) {
      at = Instant.now();
    }
    String text = LineSplitter.decode(bytes, textStart, length - textStart, LogLine.MAX_BYTES);
    sink.accept(new LogLine(at, isStderr ? LogLine.STDERR : LogLine.STDOUT, text));
  }

  @Override
  public boolean awaitEnd(Duration timeout) throws InterruptedException {
    // Not awaitCompletion(timeout): docker-java closes the stream when that times out.
    return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Throws what ended the stream early, if anything did. */
  void rethrowFailure(long siteId) {
    Throwable failed = failure;
    if (failed instanceof NotFoundException) {
      throw new SiteNotOnHostException(siteId);
    }
    if (failed != null) {
      throw new IllegalStateException(
          "Could not read the log of site " + siteId + ": " + failed.getMessage(), failed);
    }
  }

  @Override
  public void close() {
    closeQuietly();
  }

  private void closeQuietly() {
    try {
      super.close();
    } catch (IOException ignored) {
      // The stream is gone either way.
    } finally {
      ended.countDown();
    }
  }
}
