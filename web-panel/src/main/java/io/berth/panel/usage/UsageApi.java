package io.berth.panel.usage;

import io.berth.panel.security.BerthUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/sites/{id}/usage}: what one of the caller's sites uses against its plan. */
@RestController
@RequestMapping("/api/v1/sites/{id}/usage")
@Tag(name = "Usage")
class UsageApi {

  private final UsageService usage;

  UsageApi(UsageService usage) {
    this.usage = usage;
  }

  @GetMapping
  @Operation(
      summary = "The site's CPU, memory, network and disk over a range, with its plan's limits",
      description =
          "range hour (the raw samples, one every 10 s), day (one-minute averages) or month (the"
              + " last 30 days in one-hour averages); points oldest first. cpuMillis is in"
              + " thousandths of a core, memory and disk in bytes, network in bytes per second;"
              + " network has no limit. warnings name memory or disk at 90 % of the plan's limit"
              + " or more in the newest sample. 400 for another range.")
  UsageAnswer usage(
      @AuthenticationPrincipal BerthUser user,
      @PathVariable long id,
      @Parameter(description = "hour, day or month; hour when left out")
          @RequestParam(required = false)
          String range) {
    return UsageAnswer.of(usage.summary(user.caller(), id, UsageRange.parse(range)));
  }

  record UsageAnswer(
      long siteId,
      String range,
      LimitsAnswer limits,
      List<PointAnswer> points,
      List<String> warnings) {

    static UsageAnswer of(UsageSummary summary) {
      UsageLimits limits = summary.limits();
      return new UsageAnswer(
          summary.siteId(),
          summary.range().key(),
          new LimitsAnswer(limits.cpuMillis(), limits.memoryBytes(), limits.diskBytes()),
          summary.points().stream().map(PointAnswer::of).toList(),
          summary.warnings());
    }
  }

  record LimitsAnswer(int cpuMillis, long memoryBytes, long diskBytes) {}

  record PointAnswer(
      Instant at, int cpuMillis, long memoryBytes, long netRxBps, long netTxBps, long diskBytes) {

    static PointAnswer of(UsagePoint point) {
      return new PointAnswer(
          point.at(),
          point.cpuMillis(),
          point.memoryBytes(),
          point.netRxBps(),
          point.netTxBps(),
          point.diskBytes());
    }
  }
}
