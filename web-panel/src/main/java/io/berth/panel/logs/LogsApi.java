package io.berth.panel.logs;

import io.berth.panel.security.BerthUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code /api/v1/sites/{id}/logs}: a site's last log lines as text, or its log followed live as
 * server-sent events. The lines come from the agent of the site's host, streamed through.
 */
@RestController
@Tag(name = "Logs")
class LogsApi {

  static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

  private final LogService logs;
  private final LogScheduler scheduler;

  LogsApi(LogService logs, LogScheduler scheduler) {
    this.logs = logs;
    this.scheduler = scheduler;
  }

  @GetMapping("/api/v1/sites/{id}/logs")
  @Operation(
      summary = "The last lines of a site's log, oldest first",
      description =
          "One line per log line: `<at> <stream> <line>` (stream stdout, stderr, or access for the"
              + " web server's log). 400 for a bad source or lines, 409 when the site has no"
              + " container on its host, 503 when its host's agent does not answer.",
      responses =
          @ApiResponse(
              responseCode = "200",
              content = @Content(mediaType = "text/plain", schema = @Schema(type = "string"))))
  ResponseEntity<StreamingResponseBody> lines(
      @AuthenticationPrincipal BerthUser user,
      @PathVariable long id,
      @Parameter(description = "app (what the site prints, the default) or proxy (access log)")
          @RequestParam(required = false)
          String source,
      @Parameter(description = "how many lines: 1 to 10000, default 200")
          @RequestParam(required = false)
          String lines) {
    LogSource chosen = LogSource.parse(source);
    int count = LogService.lines(lines);
    InputStream ndjson = logs.open(logs.site(user.caller(), id), chosen, count, false);
    StreamingResponseBody body =
        out -> {
          try (ndjson) {
            LogText.copy(ndjson, out);
          }
        };
    return ResponseEntity.ok().contentType(TEXT).body(body);
  }

  @GetMapping("/api/v1/sites/{id}/logs/stream")
  @Operation(
      summary = "A site's log followed live, as server-sent events",
      description =
          "text/event-stream: the last 200 lines, then each new line as it is written, until you"
              + " disconnect. Each event's data is one JSON object"
              + " {\"at\",\"stream\",\"line\"}. Same errors as the lines call.",
      responses =
          @ApiResponse(
              responseCode = "200",
              content =
                  @Content(mediaType = "text/event-stream", schema = @Schema(type = "string"))))
  SseEmitter stream(
      @AuthenticationPrincipal BerthUser user,
      @PathVariable long id,
      @Parameter(description = "app (the default) or proxy") @RequestParam(required = false)
          String source) {
    LogSource chosen = LogSource.parse(source);
    SiteLogs site = logs.site(user.caller(), id);
    InputStream ndjson = logs.open(site, chosen, LogService.DEFAULT_LINES, true);
    return LogEvents.start(ndjson, scheduler, "berth-logs-api-site-" + site.siteId());
  }
}
