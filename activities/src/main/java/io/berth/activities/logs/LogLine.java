package io.berth.activities.logs;

import java.time.Instant;

/**
 * One line of a site's log as the customer sees it.
 *
 * @param at when the line was written (Docker's timestamp, or the request time of an access line)
 * @param stream {@link #STDOUT} or {@link #STDERR} for the app's output, {@link #ACCESS} for the
 *     proxy's access log
 * @param line the text without its newline, cut at {@link #MAX_BYTES} bytes of UTF-8
 */
public record LogLine(Instant at, String stream, String line) {

  /** The app's standard output. */
  public static final String STDOUT = "stdout";

  /** The app's standard error. */
  public static final String STDERR = "stderr";

  /** A request the host's reverse proxy served for the site. */
  public static final String ACCESS = "access";

  /** The longest line kept, in bytes; the rest of a longer line is dropped. */
  public static final int MAX_BYTES = 16 * 1024;
}
