package io.berth.panel.logs;

import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.Locale;

/**
 * The live part of the logs page: the lines held (newest at the bottom, scrolled to), and what is
 * not shown — earlier lines the buffer let go, lines that do not match the search, lines that
 * arrived while paused. While paused the lines stand still; only the counter moves.
 */
final class LogArea extends VerticalLayout {

  /** Longer lines are cut on the page (the download keeps them whole). */
  static final int MAX_SHOWN_CHARS = 2000;

  private final Pre lines = new Pre();
  private final Span matches = new Span();
  private final Span skipped = new Span();
  private final Span paused = new Span();
  private LogBuffer.Snapshot shown = new LogBuffer.Snapshot(List.of(), 0, 0);
  private LogBuffer.Snapshot latest = shown;
  private String search = "";
  private boolean isPaused;
  private long receivedAtPause;

  LogArea() {
    setPadding(false);
    lines.setId("logs-lines");
    lines
        .getStyle()
        .set("height", "60vh")
        .set("overflow", "auto")
        .set("width", "100%")
        .set("margin", "0")
        .set("font-size", "var(--lumo-font-size-s)");
    matches.setId("logs-matches");
    skipped.setId("logs-skipped");
    paused.setId("logs-paused");
    HorizontalLayout counters = new HorizontalLayout(paused, skipped, matches);
    counters.setId("logs-counters");
    add(counters, lines);
    setWidthFull();
    render();
  }

  /** A new batch: shown at once unless paused. */
  void show(LogBuffer.Snapshot snapshot) {
    latest = snapshot;
    if (!isPaused) {
      shown = snapshot;
      render();
    } else {
      updateCounters();
    }
  }

  void pause() {
    isPaused = true;
    receivedAtPause = latest.received();
    updateCounters();
  }

  void resume() {
    isPaused = false;
    shown = latest;
    render();
  }

  boolean isPaused() {
    return isPaused;
  }

  /** Shows only the lines containing {@code text}, whatever its case; blank shows all. */
  void search(String text) {
    search = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    render();
  }

  /** Forgets every line (another source is followed from now on). */
  void clear() {
    shown = new LogBuffer.Snapshot(List.of(), 0, 0);
    latest = shown;
    receivedAtPause = 0;
    render();
  }

  private void render() {
    StringBuilder text = new StringBuilder();
    int matching = 0;
    for (LogLine line : shown.lines()) {
      String shownLine = line.text();
      if (!search.isEmpty() && !shownLine.toLowerCase(Locale.ROOT).contains(search)) {
        continue;
      }
      if (matching++ > 0) {
        text.append('\n');
      }
      text.append(
          shownLine.length() > MAX_SHOWN_CHARS
              ? shownLine.substring(0, MAX_SHOWN_CHARS) + " …"
              : shownLine);
    }
    lines.setText(shown.lines().isEmpty() ? "" : text.toString());
    matches.setText(matching + " of " + shown.lines().size() + " lines match");
    matches.setVisible(!search.isEmpty());
    updateCounters();
    lines.getElement().executeJs("this.scrollTop = this.scrollHeight");
  }

  private void updateCounters() {
    skipped.setText(shown.skipped() + " earlier lines not shown");
    skipped.setVisible(shown.skipped() > 0);
    long arrived = latest.received() - receivedAtPause;
    paused.setText("Paused: " + arrived + (arrived == 1 ? " new line" : " new lines") + " since.");
    paused.setVisible(isPaused);
  }
}
