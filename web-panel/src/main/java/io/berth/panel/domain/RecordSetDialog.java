package io.berth.panel.domain;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.berth.panel.common.UserFacingException;
import io.berth.panel.ui.Notices;
import io.berth.workflows.domain.DnsRecordSet;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Adds or edits one record set: name, type, TTL and the values, one per line, with a hint for the
 * chosen type. A refusal is shown on the field it is about and the dialog stays open with the input
 * kept, so the customer fixes it and saves again.
 */
class RecordSetDialog extends Dialog {

  static final int DEFAULT_TTL = 3600;

  /** What the customer entered. */
  record Input(String name, String type, Integer ttl, List<String> values) {}

  private final TextField name = new TextField("Name");
  private final Select<String> type = new Select<>();
  private final IntegerField ttl = new IntegerField("TTL (seconds)");
  private final TextArea values = new TextArea("Values, one per line");
  private final Paragraph problem = new Paragraph();
  private final Button save = new Button("Save");

  /**
   * @param zone the domain, for the name's hint
   * @param existing the set to edit; null to add one (its name and type are then fixed)
   * @param onSave called with this dialog when the customer saves
   */
  RecordSetDialog(String zone, DnsRecordSet existing, Consumer<RecordSetDialog> onSave) {
    setHeaderTitle(
        existing == null ? "Add a record set" : "Edit " + existing.type() + " " + existing.name());
    configureFields(zone);
    if (existing != null) {
      name.setValue(existing.name());
      name.setReadOnly(true);
      type.setValue(existing.type());
      type.setReadOnly(true);
      ttl.setValue((int) existing.ttl());
      values.setValue(String.join("\n", existing.values()));
    }
    problem.addClassName("failure");
    problem.setVisible(false);
    add(name, type, ttl, values, problem);
    save.setId("record-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.addClickListener(e -> onSave.accept(this));
    getFooter().add(new Button("Cancel", e -> close()), save);
  }

  Input input() {
    List<String> lines = Arrays.asList(values.getValue().split("\\R"));
    return new Input(name.getValue(), type.getValue(), ttl.getValue(), lines);
  }

  /** Disables saving while the workflow applies the change. */
  void busy(boolean busy) {
    save.setEnabled(!busy);
    save.setText(busy ? "Saving…" : "Save");
  }

  /** Shows why the change was refused, on its field where it has one. */
  void showFailure(Throwable failure) {
    String reason = Notices.reason(failure);
    UserFacingException refused = failure instanceof UserFacingException e ? e : null;
    boolean onField = refused != null && showOnFields(refused);
    problem.setVisible(!onField);
    problem.setText(onField ? "" : reason);
    if (!onField) {
      Notices.error(reason);
    }
  }

  private boolean showOnFields(UserFacingException refused) {
    String nameProblem = refused.problemWith(RecordProblemField.NAME);
    name.setInvalid(nameProblem != null);
    name.setErrorMessage(nameProblem);
    String typeProblem = refused.problemWith(RecordProblemField.TYPE);
    type.setInvalid(typeProblem != null);
    type.setErrorMessage(typeProblem);
    String ttlProblem = refused.problemWith(RecordProblemField.TTL);
    ttl.setInvalid(ttlProblem != null);
    ttl.setErrorMessage(ttlProblem);
    String valuesProblem = refused.problemWith(RecordProblemField.VALUES);
    values.setInvalid(valuesProblem != null);
    values.setErrorMessage(valuesProblem);
    return nameProblem != null
        || typeProblem != null
        || ttlProblem != null
        || valuesProblem != null;
  }

  private void configureFields(String zone) {
    name.setId("record-name");
    name.setValue("@");
    name.setHelperText("Relative to " + zone + ": @ for " + zone + " itself, www, _sip._tcp …");
    name.setWidthFull();
    type.setId("record-type");
    type.setLabel("Type");
    type.setItems(DnsRecordService.RECORD_TYPES);
    type.addValueChangeListener(e -> values.setHelperText(RecordHints.of(e.getValue(), zone)));
    type.setValue("A");
    ttl.setId("record-ttl");
    ttl.setValue(DEFAULT_TTL);
    ttl.setStepButtonsVisible(true);
    values.setId("record-values");
    values.setWidthFull();
    values.setMinHeight("7em");
  }
}
