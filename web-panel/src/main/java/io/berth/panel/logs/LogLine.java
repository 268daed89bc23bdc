package io.berth.panel.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of a site's log as the host's agent sends it (one NDJSON object per line).
 *
 * @param at when it was written, as the agent wrote it (ISO-8601, nanoseconds, UTC)
 * @param stream {@code stdout}, {@code stderr}, or {@code access} for the web server's log
 * @param line the text, without its newline
 */
record LogLine(String at, String stream, String line) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads one NDJSON line; text that is no such object is kept whole as the line. */
  static LogLine parse(String ndjson) {
    try {
      JsonNode node = JSON.readTree(ndjson);
      if (node != null && node.isObject() && node.has("line")) {
        return new LogLine(
            node.path("at").asText(""), node.path("stream").asText(""), node.path("line").asText());
      }
    } catch (JsonProcessingException notJson) {
      // Shown as it came.
    }
    return new LogLine("", "", ndjson);
  }

  /** {@code <at> <stream> <line>}, as the API's text answer and the download hold it. */
  String text() {
    return at + " " + stream + " " + line;
  }

  /** The line as one NDJSON object again (newlines inside escaped). */
  String json() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("at", at);
    fields.put("stream", stream);
    fields.put("line", line);
    try {
      return JSON.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("three strings are always JSON", e);
    }
  }
}
