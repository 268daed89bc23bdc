package io.berth.panel.logs;

import io.berth.panel.common.InvalidInputException;
import java.util.Locale;

/** Which log of a site: what its container prints, or the web server's access log of the site. */
public enum LogSource {
  APP("app", "Site"),
  PROXY("proxy", "Web server access log");

  private final String id;
  private final String label;

  LogSource(String id, String label) {
    this.id = id;
    this.label = label;
  }

  /** The name the agent and the API use: {@code app} or {@code proxy}. */
  public String id() {
    return id;
  }

  /** How the page names it. */
  public String label() {
    return label;
  }

  /** The source a request names; none given is {@link #APP}. */
  static LogSource parse(String requested) {
    if (requested == null || requested.isBlank()) {
      return APP;
    }
    for (LogSource source : values()) {
      if (source.id.equals(requested.trim().toLowerCase(Locale.ROOT))) {
        return source;
      }
    }
    throw InvalidInputException.of(
        "source",
        "source must be app (what the site itself prints) or proxy (the web server's access log"
            + " of the site).");
  }
}
