package io.berth.worker.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.activities.logs.LogLine;
import io.berth.activities.logs.LogSource;
import io.berth.activities.logs.SiteLogSources;
import io.berth.activities.logs.SiteLogs;
import io.berth.activities.logs.SiteNotOnHostException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /agent/v1/sites/{siteId}/logs?source=app|proxy&tail=N&follow=true|false}: the last
 * lines of a site's app or proxy log as NDJSON, oldest first, and with {@code follow=true} every
 * new line after them until the reader disconnects.
 */
@RestController
class SiteLogsController {

  static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
  static final int MAX_TAIL = 10_000;

  private final SiteLogSources sources;
  private final ObjectMapper json;
  private final OpenFollows openFollows;
  private final AgentProperties agent;

  SiteLogsController(
      SiteLogSources sources, ObjectMapper json, OpenFollows openFollows, AgentProperties agent) {
    this.sources = sources;
    this.json = json;
    this.openFollows = openFollows;
    this.agent = agent;
  }

  @GetMapping("/agent/v1/sites/{siteId}/logs")
  ResponseEntity<StreamingResponseBody> logs(
      @PathVariable long siteId,
      @RequestParam(defaultValue = "app") String source,
      @RequestParam(defaultValue = "200") int tail,
      @RequestParam(defaultValue = "false") boolean follow) {
    SiteLogs logs =
        sources.get(
            LogSource.named(source)
                .orElseThrow(
                    () ->
                        new BadAgentRequestException(
                            "source must be app or proxy, not " + source + ".")));
    if (tail < 0 || tail > MAX_TAIL) {
      throw new BadAgentRequestException(
          "tail must be between 0 and " + MAX_TAIL + ", not " + tail + ".");
    }
    if (!logs.hasSite(siteId)) {
      throw new SiteNotOnHostException(siteId);
    }
    StreamingResponseBody body =
        follow
            ? new FollowedLogBody(logs, siteId, tail, json, openFollows, agent.keepAlive())
            : out -> {
              List<LogLine> lines = logs.tail(siteId, tail);
              NdjsonWriter writer = new NdjsonWriter(out, json);
              for (LogLine line : lines) {
                writer.write(line);
              }
            };
    return ResponseEntity.ok().contentType(NDJSON).body(body);
  }
}
