package io.berth.panel.usage;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * A time-series line chart drawn on the server as SVG text, so the panel needs no chart component
 * in the browser: gridlines with value labels in the metric's unit, time labels along the range,
 * each series as a polyline with one {@code <circle class="point">} per data point (its {@code
 * <title>} is the tooltip), and the plan's limit as a dashed red line. The {@code viewBox} lets the
 * browser scale it to the page's width. All text is escaped.
 */
public final class SvgLineChart {

  /** What an empty chart says. */
  public static final String NO_DATA = "No data yet — samples arrive every 10 s";

  static final int WIDTH = 720;
  static final int HEIGHT = 260;
  static final double LEFT = 76;
  static final double RIGHT = 16;
  static final double TOP = 30;
  static final double BOTTOM = 34;
  static final String LIMIT_COLOR = "#d32f2f";

  private static final int VALUE_TICKS = 4;

  /** One value at one instant. */
  public record Point(Instant at, double value) {}

  /** One line of the chart, e.g. "in" and "out" of a network chart. */
  public record Series(String name, String color, List<Point> points) {

    public Series {
      points = List.copyOf(points);
    }
  }

  /**
   * The chart's horizontal axis: the window shown and where its labels go.
   *
   * @param tick the distance between two time labels
   * @param format how a label reads
   */
  public record TimeAxis(
      Instant from, Instant to, Duration tick, DateTimeFormatter format, ZoneId zone) {}

  /** How the values of a metric read and where its gridlines go. */
  public enum Unit {
    /** Thousandths of a CPU core, read as a percentage of one core. */
    CPU(UsageFormat::cpu),
    /** Bytes, read in binary units (KiB, MiB, GiB). */
    BYTES(UsageFormat::bytes),
    /** Bytes per second, read in decimal units (KB/s, MB/s). */
    RATE(UsageFormat::rate);

    private final DoubleFunction<String> format;

    Unit(DoubleFunction<String> format) {
      this.format = format;
    }

    String format(double value) {
      return format.apply(value);
    }

    /** What one shown unit is worth near {@code max}, and its name: (10, "%"), (1 MiB, "MiB"). */
    private Scale scale(double max) {
      return switch (this) {
        case CPU -> new Scale(10, "%");
        case BYTES -> binary(max);
        case RATE -> decimal(max);
      };
    }

    private static Scale binary(double max) {
      String[] names = {"B", "KiB", "MiB", "GiB", "TiB"};
      int exponent = UsageFormat.exponent(max, 1024, names.length);
      return new Scale(Math.pow(1024, exponent), names[exponent]);
    }

    private static Scale decimal(double max) {
      String[] names = {"B/s", "KB/s", "MB/s", "GB/s"};
      int exponent = UsageFormat.exponent(max, 1000, names.length);
      return new Scale(Math.pow(1000, exponent), names[exponent]);
    }
  }

  private record Scale(double divisor, String name) {}

  private final String title;
  private final Unit unit;
  private final TimeAxis time;
  private final List<Series> series = new ArrayList<>();
  private Double limit;

  /**
   * @param title what the chart shows, for screen readers ("CPU", "Memory")
   */
  public SvgLineChart(String title, Unit unit, TimeAxis time) {
    this.title = title;
    this.unit = unit;
    this.time = time;
  }

  public SvgLineChart series(String name, String color, List<Point> points) {
    series.add(new Series(name, color, points));
    return this;
  }

  /** Draws the plan's limit, labelled "Plan limit: 512 MiB". */
  public SvgLineChart limit(double value) {
    this.limit = value;
    return this;
  }

  /** The chart as one {@code <svg>} element. */
  public String render() {
    StringBuilder svg = new StringBuilder(4096);
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"usage-chart\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" width=\"100%\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\"")
        .append(" aria-label=\"")
        .append(escape(title))
        .append("\" font-family=\"sans-serif\" font-size=\"12\">")
        .append("<title>")
        .append(escape(title))
        .append("</title>");
    rect(svg);
    if (series.stream().allMatch(s -> s.points().isEmpty())) {
      text(svg, "empty", WIDTH / 2.0, TOP + plotHeight() / 2, "middle", "#666", NO_DATA);
    } else {
      Scale scale = unit.scale(Math.max(maxValue(), limit == null ? 0 : limit));
      double top = axisTop(scale);
      valueAxis(svg, scale, top);
      timeAxis(svg);
      if (limit != null) {
        limitLine(svg, top);
      }
      for (Series line : series) {
        series(svg, line, top);
      }
      if (series.size() > 1) {
        legend(svg);
      }
    }
    return svg.append("</svg>").toString();
  }

  /** Where a value sits on the chart, as a y coordinate of the view box. */
  static double y(double value, double top) {
    return TOP + plotHeight() * (1 - value / top);
  }

  private double x(Instant at) {
    double span = Math.max(1, Duration.between(time.from(), time.to()).toMillis());
    double offset = Duration.between(time.from(), at).toMillis();
    return LEFT + plotWidth() * Math.min(1, Math.max(0, offset / span));
  }

  private static double plotWidth() {
    return WIDTH - LEFT - RIGHT;
  }

  private static double plotHeight() {
    return HEIGHT - TOP - BOTTOM;
  }

  private double maxValue() {
    return series.stream()
        .flatMap(s -> s.points().stream())
        .mapToDouble(Point::value)
        .max()
        .orElse(0);
  }

  /** The value at the top gridline: a round number of shown units just above the highest value. */
  private double axisTop(Scale scale) {
    double max = Math.max(maxValue(), limit == null ? 0 : limit) / scale.divisor();
    double step = step(scale, max);
    return Math.max(step, Math.ceil(max * 1.05 / step) * step) * scale.divisor();
  }

  private static double step(Scale scale, double max) {
    double rough = Math.max(max, 1) / VALUE_TICKS;
    double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
    for (double nice : new double[] {1, 2, 5, 10}) {
      if (nice * magnitude >= rough) {
        return nice * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private void valueAxis(StringBuilder svg, Scale scale, double top) {
    svg.append("<g class=\"value-axis\">");
    double step = top / scale.divisor() / VALUE_TICKS;
    for (int i = 0; i <= VALUE_TICKS; i++) {
      double shown = step * i;
      double y = y(shown * scale.divisor(), top);
      line(svg, "grid", LEFT, y, WIDTH - RIGHT, y, "#e0e0e0", null);
      text(
          svg,
          "value-label",
          LEFT - 6,
          y + 4,
          "end",
          "#555",
          UsageFormat.number(shown) + " " + scale.name());
    }
    svg.append("</g>");
  }

  private void timeAxis(StringBuilder svg) {
    svg.append("<g class=\"time-axis\">");
    long tick = time.tick().toMillis();
    long first = Math.floorDiv(time.from().toEpochMilli() + tick - 1, tick) * tick;
    DateTimeFormatter format = time.format().withZone(time.zone()).withLocale(Locale.UK);
    for (long at = first; at <= time.to().toEpochMilli(); at += tick) {
      Instant instant = Instant.ofEpochMilli(at);
      double x = x(instant);
      line(svg, "grid", x, TOP, x, HEIGHT - BOTTOM, "#f0f0f0", null);
      text(svg, "time-label", x, HEIGHT - BOTTOM + 18, "middle", "#555", format.format(instant));
    }
    svg.append("</g>");
  }

  private void limitLine(StringBuilder svg, double top) {
    double y = y(limit, top);
    line(svg, "limit", LEFT, y, WIDTH - RIGHT, y, LIMIT_COLOR, "6 4");
    text(
        svg,
        "limit-label",
        WIDTH - RIGHT - 4,
        y - 5,
        "end",
        LIMIT_COLOR,
        "Plan limit: " + unit.format(limit));
  }

  private void series(StringBuilder svg, Series line, double top) {
    svg.append("<g class=\"series\" data-series=\"").append(escape(line.name())).append("\">");
    svg.append("<polyline class=\"line\" fill=\"none\" stroke-width=\"2\" stroke=\"")
        .append(escape(line.color()))
        .append("\" points=\"");
    for (Point point : line.points()) {
      svg.append(number(x(point.at())))
          .append(',')
          .append(number(y(point.value(), top)))
          .append(' ');
    }
    svg.append("\"/>");
    DateTimeFormatter format =
        DateTimeFormatter.ofPattern("d MMM HH:mm:ss", Locale.UK).withZone(time.zone());
    for (Point point : line.points()) {
      svg.append("<circle class=\"point\" r=\"2.5\" cx=\"")
          .append(number(x(point.at())))
          .append("\" cy=\"")
          .append(number(y(point.value(), top)))
          .append("\" fill=\"")
          .append(escape(line.color()))
          .append("\"><title>")
          .append(escape(line.name() + " at " + format.format(point.at()) + ": "))
          .append(escape(unit.format(point.value())))
          .append("</title></circle>");
    }
    svg.append("</g>");
  }

  private void legend(StringBuilder svg) {
    svg.append("<g class=\"legend\">");
    double x = LEFT;
    for (Series line : series) {
      svg.append("<rect x=\"")
          .append(number(x))
          .append("\" y=\"10\" width=\"12\" height=\"12\" fill=\"")
          .append(escape(line.color()))
          .append("\"/>");
      text(svg, "legend-label", x + 16, 20, "start", "#333", line.name());
      x += 24 + 8 * line.name().length();
    }
    svg.append("</g>");
  }

  private static void rect(StringBuilder svg) {
    svg.append("<rect class=\"frame\" x=\"")
        .append(number(LEFT))
        .append("\" y=\"")
        .append(number(TOP))
        .append("\" width=\"")
        .append(number(plotWidth()))
        .append("\" height=\"")
        .append(number(plotHeight()))
        .append("\" fill=\"#ffffff\" stroke=\"#cccccc\"/>");
  }

  private static void line(
      StringBuilder svg,
      String cssClass,
      double x1,
      double y1,
      double x2,
      double y2,
      String color,
      String dashes) {
    svg.append("<line class=\"")
        .append(cssClass)
        .append("\" x1=\"")
        .append(number(x1))
        .append("\" y1=\"")
        .append(number(y1))
        .append("\" x2=\"")
        .append(number(x2))
        .append("\" y2=\"")
        .append(number(y2))
        .append("\" stroke=\"")
        .append(color)
        .append('"');
    if (dashes != null) {
      svg.append(" stroke-width=\"2\" stroke-dasharray=\"").append(dashes).append('"');
    }
    svg.append("/>");
  }

  private static void text(
      StringBuilder svg,
      String cssClass,
      double x,
      double y,
      String anchor,
      String color,
      String text) {
    svg.append("<text class=\"")
        .append(cssClass)
        .append("\" x=\"")
        .append(number(x))
        .append("\" y=\"")
        .append(number(y))
        .append("\" text-anchor=\"")
        .append(anchor)
        .append("\" fill=\"")
        .append(color)
        .append("\">")
        .append(escape(text))
        .append("</text>");
  }

  /** A coordinate with at most one decimal. */
  static String number(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** Text made safe for XML content and attribute values. */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
