package io.berth.panel.usage;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.berth.panel.common.InvalidInputException;
import io.berth.panel.common.NotFoundException;
import io.berth.panel.security.CurrentUser;
import io.berth.panel.ui.LiveWatch;
import io.berth.panel.ui.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;

/**
 * A site's use of CPU, memory, network and disk over the last hour, day or 30 days, each against
 * its plan's limit, with a warning at 90 % of memory or disk; kept live with push while open. The
 * range is also in the address ({@code ?range=day}).
 */
@Route(value = "sites/:siteId(\\d+)/usage", layout = MainLayout.class)
@PermitAll
@StyleSheet("context://styles/usage.css")
public class UsageView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  private final UsageService usage;
  private final UsageFeed feed;
  private final CurrentUser user;
  private final Clock clock;
  private final LiveWatch live = new LiveWatch();
  private final Div warning = new Div();
  private final ChartCard cpu = new ChartCard("cpu", "CPU");
  private final ChartCard memory = new ChartCard("memory", "Memory");
  private final ChartCard network = new ChartCard("network", "Network in / out — no limit");
  private final ChartCard disk = new ChartCard("disk", "Disk");
  private long siteId;
  private String name;
  private UsageRange range = UsageRange.HOUR;

  UsageView(UsageService usage, UsageFeed feed, CurrentUser user, Clock clock) {
    this.usage = usage;
    this.feed = feed;
    this.user = user;
    this.clock = clock;
    warning.setId("usage-warning");
    warning.addClassNames("banner", "usage-warning");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    siteId = event.getRouteParameters().getLong("siteId").orElse(0L);
    range = rangeIn(event);
    removeAll();
    try {
      UsageSummary summary = usage.summary(user.caller(), siteId, range);
      build(summary);
      show(summary);
    } catch (NotFoundException e) {
      name = null;
      siteId = 0;
      add(
          new H1("Site not found"),
          new Paragraph(e.getMessage()),
          new Anchor("sites", "Your sites"));
    }
    getUI().ifPresent(this::watch);
  }

  @Override
  public String getPageTitle() {
    return (name == null ? "Usage" : name + " usage") + " · Berth";
  }

  @Override
  protected void onAttach(AttachEvent event) {
    watch(event.getUI());
  }

  @Override
  protected void onDetach(DetachEvent event) {
    live.stop();
  }

  private void watch(UI ui) {
    if (siteId == 0) {
      live.stop();
    } else {
      live.start(feed, ui, UsageFeed.key(siteId, range), this::show);
    }
  }

  private void build(UsageSummary summary) {
    name = summary.siteName();
    Anchor back = new Anchor("sites/" + siteId, "Back to " + name);
    back.setId("usage-site-link");
    Div charts = new Div(cpu, memory, network, disk);
    charts.addClassName("usage-charts");
    add(new H1(name + " usage"), back, rangeSelector(), warning, charts);
  }

  private RadioButtonGroup<UsageRange> rangeSelector() {
    RadioButtonGroup<UsageRange> selector = new RadioButtonGroup<>();
    selector.setId("usage-range");
    selector.setItems(UsageRange.values());
    selector.setItemLabelGenerator(UsageRange::label);
    selector.setValue(range);
    selector.addValueChangeListener(change -> switchTo(change.getValue()));
    return selector;
  }

  private void switchTo(UsageRange chosen) {
    if (chosen == null || chosen == range) {
      return;
    }
    range = chosen;
    show(usage.summary(user.caller(), siteId, range));
    getUI()
        .ifPresent(
            ui -> {
              ui.getPage()
                  .getHistory()
                  .replaceState(null, "sites/" + siteId + "/usage?range=" + range.key());
              watch(ui);
            });
  }

  private void show(UsageSummary summary) {
    if (summary.range() != range) {
      return;
    }
    warning.removeAll();
    summary.warnings().forEach(text -> warning.add(new Paragraph(text)));
    warning.setVisible(!summary.warnings().isEmpty());
    UsageCharts charts = new UsageCharts(summary, clock.instant());
    CurrentUsage now = new CurrentUsage(summary.current(), summary.limits());
    cpu.show(charts.cpu(), now.cpu());
    memory.show(charts.memory(), now.memory());
    network.show(charts.network(), now.network());
    disk.show(charts.disk(), now.disk());
  }

  private static UsageRange rangeIn(BeforeEnterEvent event) {
    try {
      return UsageRange.parse(
          event.getLocation().getQueryParameters().getSingleParameter("range").orElse(null));
    } catch (InvalidInputException unknown) {
      return UsageRange.HOUR;
    }
  }
}
