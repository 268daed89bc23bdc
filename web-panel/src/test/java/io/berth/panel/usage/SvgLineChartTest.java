package io.berth.panel.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.panel.usage.SvgLineChart.Point;
import io.berth.panel.usage.SvgLineChart.TimeAxis;
import io.berth.panel.usage.SvgLineChart.Unit;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgLineChartTest {

  private static final long MIB = 1024L * 1024;
  private static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");
  private static final TimeAxis LAST_HOUR =
      new TimeAxis(
          NOW.minus(Duration.ofHours(1)),
          NOW,
          Duration.ofMinutes(15),
          DateTimeFormatter.ofPattern("HH:mm"),
          ZoneOffset.UTC);

  @Test
  void givenNPoints_itIsWellFormedSvgWithOneCircleAndTooltipPerPoint() throws Exception {
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      points.add(new Point(NOW.minus(Duration.ofMinutes(55 - 5 * i)), (100 + i) * MIB));
    }

    Document svg = parse(memoryChart(points).limit(512 * MIB).render());

    Element root = svg.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("svg");
    assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 720 260");
    List<Element> circles = byClass(svg, "circle", "point");
    assertThat(circles).hasSize(12);
    assertThat(title(circles.get(0))).isEqualTo("Memory at 27 Nov 05:05:00: 100 MiB");
    assertThat(byClass(svg, "polyline", "line")).hasSize(1);
    assertThat(texts(svg, "time-label"))
        .containsExactly("05:00", "05:15", "05:30", "05:45", "06:00");
    assertThat(texts(svg, "value-label")).allMatch(label -> label.endsWith(" MiB"));
    assertThat(texts(svg, "value-label")).startsWith("0 MiB");
  }

  @Test
  void itDrawsTheDashedRedLimitLineAtTheHeightOfThatValue() throws Exception {
    Point atLimit = new Point(NOW.minus(Duration.ofMinutes(30)), 512 * MIB);
    Point idle = new Point(NOW.minus(Duration.ofMinutes(20)), 0);

    Document svg = parse(memoryChart(List.of(atLimit, idle)).limit(512 * MIB).render());

    Element limit = byClass(svg, "line", "limit").get(0);
    List<Element> circles = byClass(svg, "circle", "point");
    assertThat(limit.getAttribute("y1")).isEqualTo(limit.getAttribute("y2"));
    assertThat(limit.getAttribute("y1")).isEqualTo(circles.get(0).getAttribute("cy"));
    assertThat(limit.getAttribute("stroke")).isEqualTo("#d32f2f");
    assertThat(limit.getAttribute("stroke-dasharray")).isNotBlank();
    assertThat(texts(svg, "limit-label")).containsExactly("Plan limit: 512 MiB");
    double bottom = SvgLineChart.HEIGHT - SvgLineChart.BOTTOM;
    assertThat(Double.parseDouble(circles.get(1).getAttribute("cy"))).isEqualTo(bottom);
    assertThat(Double.parseDouble(limit.getAttribute("y1"))).isBetween(SvgLineChart.TOP, bottom);
  }

  @Test
  void aLimitAboveEveryValueStillFitsOnTheChart() throws Exception {
    Point low = new Point(NOW.minus(Duration.ofMinutes(10)), 20 * MIB);

    Document svg = parse(memoryChart(List.of(low)).limit(1024 * MIB).render());

    double y = Double.parseDouble(byClass(svg, "line", "limit").get(0).getAttribute("y1"));
    assertThat(y).isGreaterThanOrEqualTo(SvgLineChart.TOP);
    assertThat(texts(svg, "limit-label")).containsExactly("Plan limit: 1 GiB");
  }

  @Test
  void itEscapesEveryText() throws Exception {
    String render =
        new SvgLineChart("<script>alert('x')</script> & \"more\"", Unit.RATE, LAST_HOUR)
            .series("in <&>", "#2e7d32", List.of(new Point(NOW.minusSeconds(60), 1500)))
            .series("out", "#ef6c00", List.of(new Point(NOW.minusSeconds(60), 2500)))
            .render();

    assertThat(render).doesNotContain("<script>");
    Document svg = parse(render);
    assertThat(svg.getDocumentElement().getAttribute("aria-label"))
        .isEqualTo("<script>alert('x')</script> & \"more\"");
    assertThat(texts(svg, "legend-label")).containsExactly("in <&>", "out");
    assertThat(title(byClass(svg, "circle", "point").get(0))).endsWith(": 1.5 KB/s");
    assertThat(byClass(svg, "line", "limit")).isEmpty();
  }

  @Test
  void withoutPoints_itSaysSamplesAreOnTheirWay() throws Exception {
    Document svg = parse(memoryChart(List.of()).limit(512 * MIB).render());

    assertThat(texts(svg, "empty")).containsExactly(SvgLineChart.NO_DATA);
    assertThat(byClass(svg, "circle", "point")).isEmpty();
    assertThat(byClass(svg, "polyline", "line")).isEmpty();
  }

  @Test
  void cpuReadsAsAShareOfOneCore() throws Exception {
    Point busy = new Point(NOW.minusSeconds(30), 450);

    Document svg =
        parse(
            new SvgLineChart("CPU", Unit.CPU, LAST_HOUR)
                .series("CPU", "#1565c0", List.of(busy))
                .limit(500)
                .render());

    assertThat(texts(svg, "limit-label")).containsExactly("Plan limit: 50 %");
    assertThat(title(byClass(svg, "circle", "point").get(0))).endsWith(": 45 %");
    assertThat(texts(svg, "value-label")).allMatch(label -> label.endsWith(" %"));
  }

  private static SvgLineChart memoryChart(List<Point> points) {
    return new SvgLineChart("Memory", Unit.BYTES, LAST_HOUR).series("Memory", "#6a1b9a", points);
  }

  static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  static List<Element> byClass(Document svg, String tag, String cssClass) {
    NodeList nodes = svg.getElementsByTagName(tag);
    List<Element> found = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      Element element = (Element) nodes.item(i);
      if (element.getAttribute("class").equals(cssClass)) {
        found.add(element);
      }
    }
    return found;
  }

  static List<String> texts(Document svg, String cssClass) {
    return byClass(svg, "text", cssClass).stream().map(Element::getTextContent).toList();
  }

  private static String title(Element circle) {
    return circle.getElementsByTagName("title").item(0).getTextContent();
  }
}
