package io.berth.activities.logs;

import java.util.Locale;
import java.util.Optional;

/** Which log of a site: what its app writes, or the requests the host's proxy served it. */
public enum LogSource {
  APP,
  PROXY;

  /** The source named {@code app} or {@code proxy}, in any case. */
  public static Optional<LogSource> named(String name) {
    if (name == null) {
      return Optional.empty();
    }
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "app" -> Optional.of(APP);
      case "proxy" -> Optional.of(PROXY);
      default -> Optional.empty();
    };
  }
}
