package io.berth.panel.backup;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.berth.panel.common.Caller;
import io.berth.panel.common.NotFoundException;
import io.berth.panel.common.UserFacingException;
import io.berth.panel.security.CurrentUser;
import io.berth.panel.ui.LiveWatch;
import io.berth.panel.ui.MainLayout;
import io.berth.panel.ui.Notices;
import io.berth.panel.ui.StepList;
import io.berth.persistence.site.Site;
import jakarta.annotation.security.PermitAll;

/**
 * A site's backups: the plan's retention, the daily schedule, "Back up now" with the running
 * backup's steps, the list (newest first) with Download and Restore for verified ones, and a
 * running restore's steps. Kept live by {@link BackupFeed} while open.
 */
@Route(value = "sites/:siteId(\\d+)/backups", layout = MainLayout.class)
@PermitAll
public class BackupsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  static final String UNREACHABLE =
      "The backup's workflow could not be asked; its steps appear when it answers.";

  private final BackupService backups;
  private final BackupFeed feed;
  private final CurrentUser user;
  private final LiveWatch live = new LiveWatch();
  private final LiveWatch otherTarget = new LiveWatch();
  private final Button backUpNow = new Button("Back up now", e -> backUpNow());
  private final Div running = new Div();
  private final StepList runningSteps = new StepList();
  private final Paragraph unreachable = new Paragraph(UNREACHABLE);
  private final Div restoring = new Div();
  private final Paragraph restoringText = new Paragraph();
  private final StepList restoringSteps = new StepList();
  private final Div list = new Div();
  private RestoreDialog dialog;
  private long siteId;
  private String name;

  BackupsView(BackupService backups, BackupFeed feed, CurrentUser user) {
    this.backups = backups;
    this.feed = feed;
    this.user = user;
    backUpNow.setId("backup-now");
    backUpNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    running.setId("backup-running");
    runningSteps.setId("backup-steps");
    unreachable.setId("backup-unreachable");
    unreachable.addClassName("banner");
    running.add(new Span("Backing up…"), unreachable, runningSteps);
    restoring.setId("restore-running");
    restoring.addClassName("banner");
    restoringSteps.setId("restore-running-steps");
    restoring.add(restoringText, restoringSteps);
    list.setId("backup-list");
    list.addClassName("backup-cards");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    siteId = event.getRouteParameters().getLong("siteId").orElse(0L);
    removeAll();
    Caller caller = user.caller();
    try {
      build(backups.site(caller, siteId), caller);
    } catch (NotFoundException e) {
      add(
          new H1("Site not found"),
          new Paragraph(e.getMessage()),
          new Anchor("sites", "Your sites"));
      siteId = 0;
      name = null;
    }
    getUI().ifPresent(this::watch);
  }

  @Override
  public String getPageTitle() {
    return (name == null ? "Site" : name) + " backups · Berth";
  }

  @Override
  protected void onAttach(AttachEvent event) {
    watch(event.getUI());
  }

  @Override
  protected void onDetach(DetachEvent event) {
    live.stop();
    otherTarget.stop();
  }

  private void watch(UI ui) {
    if (siteId != 0) {
      live.start(feed, ui, siteId, this::render);
    } else {
      live.stop();
    }
  }

  private void build(Site site, Caller caller) {
    name = site.name();
    Paragraph retention = new Paragraph(backups.retention(caller, siteId).sentence());
    retention.setId("backup-retention");
    ScheduleForm schedule =
        new ScheduleForm(
            backups.schedule(caller, siteId),
            (time, zone, enabled) -> backups.saveSchedule(caller, siteId, time, zone, enabled),
            () -> Notices.success("Saved. " + ScheduleForm.APPLIES));
    if (!backups.hasOwnSchedule(caller, siteId)) {
      UI.getCurrent()
          .getPage()
          .retrieveExtendedClientDetails(details -> schedule.offerZone(details.getTimeZoneId()));
    }
    add(
        new H1(site.name() + " backups"),
        new Paragraph(
            "Each backup holds the site's files and its database, and is verified by restoring it"
                + " to a scratch copy before it is offered for restore."),
        retention,
        schedule,
        new H2("Backups"),
        backUpNow,
        running,
        restoring,
        list,
        new Anchor("sites/" + siteId, "Back to " + site.name()));
    render(backups.snapshot(siteId));
  }

  private void render(SiteBackups snapshot) {
    backUpNow.setEnabled(snapshot.running() == null);
    running.setVisible(snapshot.running() != null);
    unreachable.setVisible(snapshot.running() != null && !snapshot.progressAvailable());
    runningSteps.show(snapshot.runningSteps());
    RestoreSummary restore = snapshot.latestRestore();
    boolean restoreRunning = restore != null && restore.status() == RestoreStatus.RUNNING;
    restoring.setVisible(restoreRunning);
    if (restoreRunning) {
      restoringText.setText("A restore into this site is running.");
      restoringSteps.show(restore.steps());
    }
    if (dialog != null) {
      dialog.show(restore);
    }
    list.removeAll();
    if (snapshot.backups().isEmpty()) {
      list.add(new Paragraph("No backups yet."));
    }
    snapshot.backups().forEach(b -> list.add(new BackupCard(b, actions())));
  }

  private BackupCard.Actions actions() {
    Caller caller = user.caller();
    return new BackupCard.Actions() {
      @Override
      public void restore(BackupSummary backup) {
        openRestore(caller, backup);
      }

      @Override
      public DownloadHandler download(BackupSummary backup) {
        return DownloadHandler.fromInputStream(
            event -> {
              try {
                BackupDownload download = backups.download(caller, backup.id());
                return new DownloadResponse(
                    download.body(), download.fileName(), BackupApi.TAR.toString(), -1);
              } catch (UserFacingException e) {
                return DownloadResponse.error(503, e.getMessage());
              }
            });
      }
    };
  }

  private void backUpNow() {
    backUpNow.setEnabled(false);
    try {
      backups.backUpNow(user.caller(), siteId);
      Notices.info("Backing up " + name + "…");
    } catch (UserFacingException e) {
      Notices.error(e.getMessage());
    }
    render(backups.snapshot(siteId));
    feed.refresh(siteId);
  }

  private void openRestore(Caller caller, BackupSummary backup) {
    try {
      dialog =
          new RestoreDialog(
              backup,
              backups.restoreChoices(caller, backup.id()),
              target -> backups.restore(caller, backup.id(), target),
              this::follow);
      dialog.open();
    } catch (UserFacingException e) {
      Notices.error(e.getMessage());
    }
  }

  /** Follows a restore into another site in the open dialog; one into this site comes anyway. */
  private void follow(RestoreSummary restore) {
    if (restore.targetSiteId() == siteId) {
      render(backups.snapshot(siteId));
      feed.refresh(siteId);
      return;
    }
    RestoreDialog shown = dialog;
    getUI()
        .ifPresent(
            ui ->
                otherTarget.start(
                    feed,
                    ui,
                    restore.targetSiteId(),
                    snapshot -> shown.show(snapshot.latestRestore())));
  }
}
