package io.berth.panel.backup;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadHandler;

/**
 * One backup in the list: when, why, how big, how long it took, its status with a ✓ once verified,
 * why it failed, and Download and Restore for verified ones. Ids end with {@code -<backupId>}.
 */
class BackupCard extends Div {

  /** What the card's buttons do. */
  interface Actions {
    void restore(BackupSummary backup);

    /** The archive, for the download link; opened only when the customer clicks it. */
    DownloadHandler download(BackupSummary backup);
  }

  BackupCard(BackupSummary backup, Actions actions) {
    long id = backup.id();
    setId("backup-" + id);
    addClassName("backup-card");
    add(
        text("backup-date-" + id, BackupFormat.when(backup.startedAt())),
        text("backup-kind-" + id, BackupFormat.kind(backup.kind())),
        text("backup-size-" + id, BackupFormat.size(backup.sizeBytes())),
        text("backup-duration-" + id, BackupFormat.duration(backup.durationMillis())),
        status(backup));
    if (backup.verified()) {
      Span check = text("backup-verified-" + id, "✓");
      check.getElement().setAttribute("title", "Verified: restored to a scratch copy and whole");
      add(check);
    }
    if (backup.failureReason() != null
        && (backup.status() == BackupStatus.FAILED || backup.status() == BackupStatus.CORRUPT)) {
      add(text("backup-reason-" + id, backup.failureReason()));
    }
    if (backup.restorable()) {
      Anchor download = new Anchor(actions.download(backup), "Download");
      download.setId("backup-download-" + id);
      Button restore = new Button("Restore…", e -> actions.restore(backup));
      restore.setId("backup-restore-" + id);
      restore.addThemeVariants(ButtonVariant.LUMO_SMALL);
      add(download, restore);
    }
  }

  private static Span status(BackupSummary backup) {
    Span badge = text("backup-status-" + backup.id(), BackupFormat.status(backup.status()));
    String tone =
        switch (backup.status()) {
          case VERIFIED -> "success";
          case FAILED, CORRUPT -> "error";
          case RUNNING, VERIFYING -> "info";
          case DELETED -> "contrast";
        };
    badge.addClassNames("badge", tone);
    return badge;
  }

  private static Span text(String id, String text) {
    Span span = new Span(text);
    span.setId(id);
    return span;
  }
}
