package io.berth.panel.backup;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.berth.panel.common.UserFacingException;
import io.berth.panel.ui.StepList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Restoring one verified backup: choose the target ("This site" or another eligible site), read
 * what happens, type the target's name, then follow the restore's steps until it ends. Ids: {@code
 * restore-target}, {@code restore-consequences}, {@code restore-confirm} (the field), {@code
 * restore-confirmed} (the button), {@code restore-error}, {@code restore-progress}, {@code
 * restore-result}.
 */
class RestoreDialog extends Dialog {

  static final String WHAT_HAPPENS =
      "Your current files and database are backed up first; the site is stopped only for the"
          + " moment the restored data is swapped in.";

  private final Select<RestoreChoice> target = new Select<>();
  private final TextField confirmation = new TextField();
  private final Button restore = new Button("Restore");
  private final Paragraph error = new Paragraph();
  private final Div form = new Div();
  private final Div progress = new Div();
  private final StepList steps = new StepList();
  private final Paragraph result = new Paragraph();
  private final LongFunction<RestoreSummary> starter;
  private final Consumer<RestoreSummary> started;
  private long restoreId;

  /**
   * @param starter starts a restore into the chosen site id; throws a {@link UserFacingException}
   *     when refused
   * @param started told once the restore runs, so the page can follow it
   */
  RestoreDialog(
      BackupSummary backup,
      List<RestoreChoice> choices,
      LongFunction<RestoreSummary> starter,
      Consumer<RestoreSummary> started) {
    this.starter = starter;
    this.started = started;
    setHeaderTitle("Restore the backup of " + BackupFormat.when(backup.startedAt()) + "?");
    target.setLabel("Restore into");
    target.setId("restore-target");
    target.setItems(choices);
    target.setItemLabelGenerator(RestoreChoice::label);
    target.setWidthFull();
    Paragraph consequences = new Paragraph(WHAT_HAPPENS);
    consequences.setId("restore-consequences");
    confirmation.setId("restore-confirm");
    confirmation.setValueChangeMode(ValueChangeMode.EAGER);
    confirmation.setWidthFull();
    error.setId("restore-error");
    error.addClassName("error");
    error.setVisible(false);
    restore.setId("restore-confirmed");
    restore.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
    restore.addClickListener(e -> start());
    target.addValueChangeListener(e -> retarget());
    confirmation.addValueChangeListener(e -> enableRestore());
    form.add(target, consequences, confirmation, error);
    progress.setId("restore-progress");
    result.setId("restore-result");
    progress.add(steps, result);
    progress.setVisible(false);
    add(form, progress);
    getFooter().add(new Button("Close", e -> close()), restore);
    if (!choices.isEmpty()) {
      target.setValue(choices.get(0));
    }
    retarget();
  }

  /** The restore this dialog started, or 0. */
  long restoreId() {
    return restoreId;
  }

  /** Shows the restore's steps and, once it ended, how. */
  void show(RestoreSummary summary) {
    if (summary == null || summary.id() != restoreId) {
      return;
    }
    steps.show(summary.steps());
    result.setText(outcome(summary));
  }

  private void retarget() {
    RestoreChoice choice = target.getValue();
    confirmation.setLabel(
        choice == null ? "Choose a site first" : "Type " + choice.siteName() + " to confirm");
    enableRestore();
  }

  private void enableRestore() {
    RestoreChoice choice = target.getValue();
    restore.setEnabled(choice != null && choice.siteName().equals(confirmation.getValue().strip()));
  }

  private void start() {
    RestoreChoice choice = target.getValue();
    try {
      RestoreSummary summary = starter.apply(choice.siteId());
      restoreId = summary.id();
      form.setVisible(false);
      restore.setVisible(false);
      progress.setVisible(true);
      setHeaderTitle("Restoring into " + choice.siteName());
      show(summary);
      started.accept(summary);
    } catch (UserFacingException e) {
      error.setText(e.getMessage());
      error.setVisible(true);
    }
  }

  private static String outcome(RestoreSummary summary) {
    return switch (summary.status()) {
      case RUNNING -> "Restoring… you can close this window; the restore goes on.";
      case COMPLETED ->
          "Restored: "
              + summary.targetSiteName()
              + " now runs with the backup. Its state before is kept as a \"Before restore\""
              + " backup.";
      case FAILED ->
          "The restore failed"
              + (summary.failureReason() == null ? "" : ": " + summary.failureReason())
              + ". "
              + summary.targetSiteName()
              + " kept its files and database as they were.";
    };
  }
}
