package io.berth.panel.logs;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.berth.panel.common.NotFoundException;
import io.berth.panel.common.UserFacingException;
import io.berth.panel.security.CurrentUser;
import io.berth.panel.ui.MainLayout;
import jakarta.annotation.security.PermitAll;

/**
 * A site's logs, live: what its container prints or the web server's access log of the site,
 * followed as it is written (newest at the bottom), with pause, search and a download of the last
 * lines. Only the caller's own sites; another customer's is "Site not found".
 */
@Route(value = "sites/:siteId(\\d+)/logs", layout = MainLayout.class)
@PermitAll
public class LogsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  static final int DEFAULT_DOWNLOAD_LINES = 1000;

  private final LogService logs;
  private final LogScheduler scheduler;
  private final CurrentUser user;
  private SiteLogs site;
  private String title = "Logs";
  private LogArea area;
  private final RadioButtonGroup<LogSource> source = new RadioButtonGroup<>();
  private final Button pause = new Button("Pause");
  private final Button reconnect = new Button("Reconnect");
  private final Paragraph message = new Paragraph();
  private volatile int downloadLines = DEFAULT_DOWNLOAD_LINES;
  private LogDownload download;
  private LogFollower follower;

  LogsView(LogService logs, LogScheduler scheduler, CurrentUser user) {
    this.logs = logs;
    this.scheduler = scheduler;
    this.user = user;
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    long siteId = event.getRouteParameters().getLong("siteId").orElse(0L);
    stopFollowing();
    removeAll();
    site = null;
    try {
      build(logs.site(user.caller(), siteId));
    } catch (NotFoundException e) {
      title = "Site not found";
      add(
          new H1("Site not found"),
          new Paragraph(e.getMessage()),
          new Anchor("sites", "Your sites"));
    } catch (UserFacingException e) {
      title = "Logs";
      message.setText(e.getMessage());
      add(new H1("Logs"), message, new Anchor("sites/" + siteId, "Back to the site"));
    }
    // Moving from one site's logs to another's keeps this view attached: follow the new one.
    getUI().ifPresent(this::follow);
  }

  @Override
  public String getPageTitle() {
    return title + " · Berth";
  }

  @Override
  protected void onAttach(AttachEvent event) {
    follow(event.getUI());
  }

  @Override
  protected void onDetach(DetachEvent event) {
    stopFollowing();
  }

  private void build(SiteLogs found) {
    site = found;
    title = found.name() + " logs";
    area = new LogArea();
    message.setId("logs-message");
    message.setVisible(false);
    add(new H1(title), controls(), message, area, downloadRow(), back());
  }

  private HorizontalLayout controls() {
    source.setId("logs-source");
    source.setItems(LogSource.values());
    source.setItemLabelGenerator(LogSource::label);
    source.setValue(LogSource.APP);
    source.addValueChangeListener(change -> getUI().ifPresent(this::follow));
    pause.setId("logs-pause");
    pause.addClickListener(click -> togglePause());
    reconnect.setId("logs-reconnect");
    reconnect.setVisible(false);
    reconnect.addClickListener(click -> getUI().ifPresent(this::follow));
    TextField search = new TextField();
    search.setId("logs-search");
    search.setPlaceholder("Search");
    search.setClearButtonVisible(true);
    search.setValueChangeMode(ValueChangeMode.LAZY);
    search.addValueChangeListener(change -> area.search(change.getValue()));
    HorizontalLayout controls = new HorizontalLayout(source, pause, reconnect, search);
    controls.setAlignItems(FlexComponent.Alignment.BASELINE);
    return controls;
  }

  private HorizontalLayout downloadRow() {
    IntegerField count = new IntegerField("Lines to download");
    count.setId("logs-download-lines");
    count.setMin(1);
    count.setMax(LogService.MAX_LINES);
    count.setValue(DEFAULT_DOWNLOAD_LINES);
    count.setHelperText("1 to " + LogService.MAX_LINES);
    Anchor link = new Anchor();
    link.setId("logs-download");
    link.setText("Download last " + DEFAULT_DOWNLOAD_LINES + " lines");
    count.addValueChangeListener(
        change -> {
          downloadLines = change.getValue() == null ? DEFAULT_DOWNLOAD_LINES : change.getValue();
          link.setText("Download last " + download.lineCount() + " lines");
        });
    UI ui = UI.getCurrent();
    download =
        new LogDownload(
            logs, site, source::getValue, () -> downloadLines, reason -> tell(ui, reason));
    link.setHref(download, AttachmentType.DOWNLOAD);
    HorizontalLayout row = new HorizontalLayout(count, link);
    row.setAlignItems(FlexComponent.Alignment.BASELINE);
    return row;
  }

  private Anchor back() {
    Anchor back = new Anchor("sites/" + site.siteId(), "Back to " + site.name());
    back.setId("logs-back");
    return back;
  }

  /** Follows the chosen source from its last lines, ending any earlier stream of this page. */
  private void follow(UI ui) {
    stopFollowing();
    if (site == null) {
      return;
    }
    area.clear();
    message.setVisible(false);
    reconnect.setVisible(false);
    SiteLogs following = site;
    LogSource chosen = source.getValue();
    follower = new LogFollower(ui, new LogBuffer(LogBuffer.CAPACITY), new Display());
    follower.start(
        () -> logs.open(following, chosen, LogService.DEFAULT_LINES, true),
        scheduler,
        "berth-logs-site-" + following.siteId());
  }

  private void stopFollowing() {
    if (follower != null) {
      follower.stop();
      follower = null;
    }
  }

  private void togglePause() {
    if (area.isPaused()) {
      area.resume();
      pause.setText("Pause");
    } else {
      area.pause();
      pause.setText("Resume");
    }
  }

  private void tell(UI ui, String reason) {
    ui.access(
        () -> {
          message.setText(reason);
          message.setVisible(true);
        });
  }

  /** Where a follower's batches land: the log area, and the reason once the stream is over. */
  private final class Display implements LogFollower.Display {

    @Override
    public void show(LogBuffer.Snapshot snapshot) {
      area.show(snapshot);
    }

    @Override
    public void ended(String reason) {
      message.setText(reason);
      message.setVisible(true);
      reconnect.setVisible(true);
    }
  }

  /** The download of this page (tests fetch it without a browser). */
  LogDownload download() {
    return download;
  }
}
