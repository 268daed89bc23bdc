package io.berth.panel.usage;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;

/**
 * One chart of the Usage page: its heading, the server-drawn SVG (element id {@code
 * usage-chart-<metric>}) and the current value in words (id {@code usage-now-<metric>}).
 */
class ChartCard extends Div {

  private final Div chart = new Div();
  private final Span now = new Span();

  /**
   * @param metric {@code cpu}, {@code memory}, {@code network} or {@code disk}
   */
  ChartCard(String metric, String heading) {
    addClassName("usage-card");
    chart.setId("usage-chart-" + metric);
    chart.addClassName("usage-chart-holder");
    now.setId("usage-now-" + metric);
    now.addClassName("usage-now");
    add(new H3(heading), chart, now);
  }

  /**
   * Shows a freshly drawn chart. The SVG goes in as the holder's inner HTML, so the browser parses
   * it as SVG (a Flow element would be created in the HTML namespace and not draw).
   */
  void show(String svg, String currentValue) {
    chart.getElement().setProperty("innerHTML", svg);
    now.setText(currentValue);
  }

  /** The SVG shown now. */
  String svg() {
    return chart.getElement().getProperty("innerHTML", "");
  }
}
