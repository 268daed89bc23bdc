package io.berth.panel.usage;

import io.berth.panel.usage.SvgLineChart.Point;
import io.berth.panel.usage.SvgLineChart.TimeAxis;
import io.berth.panel.usage.SvgLineChart.Unit;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The four charts of the Usage page drawn from one {@link UsageSummary}: CPU, memory and disk each
 * against the plan's limit, network in and out (no limit).
 */
final class UsageCharts {

  static final String CPU_COLOR = "#1565c0";
  static final String MEMORY_COLOR = "#6a1b9a";
  static final String IN_COLOR = "#2e7d32";
  static final String OUT_COLOR = "#ef6c00";
  static final String DISK_COLOR = "#00838f";

  private final UsageSummary usage;
  private final TimeAxis time;

  /** The charts of {@code usage} over its range, ending at {@code now} (times in UTC). */
  UsageCharts(UsageSummary usage, Instant now) {
    this.usage = usage;
    UsageRange range = usage.range();
    this.time =
        new TimeAxis(
            now.minus(range.span()),
            now,
            range.tick(),
            DateTimeFormatter.ofPattern(range.tickPattern()),
            ZoneOffset.UTC);
  }

  String cpu() {
    return new SvgLineChart("CPU (% of one core)", Unit.CPU, time)
        .series("CPU", CPU_COLOR, points(UsagePoint::cpuMillis))
        .limit(usage.limits().cpuMillis())
        .render();
  }

  String memory() {
    return new SvgLineChart("Memory", Unit.BYTES, time)
        .series("Memory", MEMORY_COLOR, points(UsagePoint::memoryBytes))
        .limit(usage.limits().memoryBytes())
        .render();
  }

  String network() {
    return new SvgLineChart("Network in and out (no limit)", Unit.RATE, time)
        .series("in", IN_COLOR, points(UsagePoint::netRxBps))
        .series("out", OUT_COLOR, points(UsagePoint::netTxBps))
        .render();
  }

  String disk() {
    return new SvgLineChart("Disk", Unit.BYTES, time)
        .series("Disk", DISK_COLOR, points(UsagePoint::diskBytes))
        .limit(usage.limits().diskBytes())
        .render();
  }

  private List<Point> points(ToDoubleFunction<UsagePoint> metric) {
    return usage.points().stream()
        .map(point -> new Point(point.at(), metric.applyAsDouble(point)))
        .toList();
  }
}
