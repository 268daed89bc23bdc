package io.berth.panel.logs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Turns the agent's NDJSON into plain text, one {@code <at> <stream> <line>} per line, streamed.
 */
final class LogText {

  private LogText() {}

  /** Copies every line of {@code ndjson} to {@code out} as text, never holding more than a line. */
  static void copy(InputStream ndjson, OutputStream out) throws IOException {
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(ndjson, StandardCharsets.UTF_8));
    Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    String json;
    while ((json = lines.readLine()) != null) {
      if (!json.isBlank()) {
        text.write(LogLine.parse(json).text());
        text.write('\n');
      }
    }
    text.flush();
  }
}
