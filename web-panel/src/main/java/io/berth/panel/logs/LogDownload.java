package io.berth.panel.logs;

import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.berth.panel.common.UserFacingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * "Download last N lines" of the logs page: fetches that many lines of the chosen source from the
 * host's agent (without following) and streams them to the browser as {@code <site>-<source>.log},
 * one {@code <at> <stream> <line>} per line.
 */
final class LogDownload implements DownloadHandler {

  private final LogService logs;
  private final SiteLogs site;
  private final Supplier<LogSource> source;
  private final IntSupplier lines;
  private final Consumer<String> refused;

  /**
   * @param refused told (outside the UI lock) why a download could not be made
   */
  LogDownload(
      LogService logs,
      SiteLogs site,
      Supplier<LogSource> source,
      IntSupplier lines,
      Consumer<String> refused) {
    this.logs = logs;
    this.site = site;
    this.source = source;
    this.lines = lines;
    this.refused = refused;
  }

  @Override
  public void handleDownloadRequest(DownloadEvent event) throws IOException {
    LogSource chosen = source.get();
    InputStream ndjson;
    try {
      ndjson = logs.open(site, chosen, lineCount(), false);
    } catch (UserFacingException e) {
      refused.accept(e.getMessage());
      event.getResponse().setStatus(503);
      event.setContentType("text/plain;charset=utf-8");
      event.getOutputStream().write(e.getMessage().getBytes(StandardCharsets.UTF_8));
      return;
    }
    event.setFileName(fileName(chosen));
    event.setContentType("text/plain;charset=utf-8");
    try (ndjson;
        OutputStream out = event.getOutputStream()) {
      LogText.copy(ndjson, out);
    }
  }

  /** {@code <site>-<source>.log}, e.g. {@code myblog-proxy.log}. */
  String fileName(LogSource chosen) {
    return site.name() + "-" + chosen.id() + ".log";
  }

  /** The lines asked for, kept within what the agent serves. */
  int lineCount() {
    return Math.max(1, Math.min(LogService.MAX_LINES, lines.getAsInt()));
  }
}
