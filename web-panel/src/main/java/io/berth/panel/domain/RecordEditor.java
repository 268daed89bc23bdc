package io.berth.panel.domain;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.berth.panel.common.Caller;
import io.berth.panel.ui.Background;
import io.berth.panel.ui.Notices;
import io.berth.workflows.domain.DnsRecordSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;

/**
 * The DNS editor of a hosted zone: its record sets with Add, Edit and Delete. Changes go to the
 * domain's workflow, which validates and applies each one atomically.
 */
class RecordEditor extends Div {

  private final DnsRecordService records;
  private final Caller caller;
  private final DomainSummary domain;
  private final Executor executor;
  private final Runnable changed;
  private final Grid<DnsRecordSet> grid = new Grid<>();
  private final Button add = new Button("Add record", e -> open(null));
  private final Paragraph note = new Paragraph();

  /**
   * @param changed called after a change was applied, to show the zone as it is now
   */
  RecordEditor(
      DnsRecordService records,
      Caller caller,
      DomainSummary domain,
      Executor executor,
      Runnable changed) {
    this.records = records;
    this.caller = caller;
    this.domain = domain;
    this.executor = executor;
    this.changed = changed;
    addClassName("record-editor");
    add.setId("record-add");
    configureGrid();
    add(new H2("DNS records"), note, add, grid);
  }

  void show(List<DnsRecordSet> records, boolean editable) {
    grid.setItems(records);
    add.setEnabled(editable);
    grid.getColumnByKey("actions").setVisible(editable);
    note.setVisible(!editable);
    note.setText("Records can be edited once the zone is set up.");
  }

  private void configureGrid() {
    grid.setId("records");
    grid.addColumn(DnsRecordSet::name).setKey("name").setHeader("Name").setAutoWidth(true);
    grid.addColumn(DnsRecordSet::type).setKey("type").setHeader("Type").setAutoWidth(true);
    grid.addColumn(DnsRecordSet::ttl).setKey("ttl").setHeader("TTL").setAutoWidth(true);
    grid.addComponentColumn(RecordEditor::createValues)
        .setKey("values")
        .setHeader("Values")
        .setFlexGrow(1);
    grid.addColumn(r -> r.managed() ? "Berth" : "You")
        .setKey("managed")
        .setHeader("Set by")
        .setAutoWidth(true);
    grid.addComponentColumn(this::createActions).setKey("actions").setHeader("").setAutoWidth(true);
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    grid.setAllRowsVisible(true);
  }

  private static Component createValues(DnsRecordSet set) {
    Div values = new Div();
    values.addClassName("record-values");
    set.values().forEach(v -> values.add(new Div(v)));
    return values;
  }

  private Component createActions(DnsRecordSet set) {
    Button edit = new Button("Edit", e -> open(set));
    edit.setId("record-edit-" + key(set));
    edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
    Button delete = new Button("Delete", e -> confirmDelete(set));
    delete.setId("record-delete-" + key(set));
    delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
    return new HorizontalLayout(edit, delete);
  }

  private void open(DnsRecordSet existing) {
    new RecordSetDialog(domain.name(), existing, this::save).open();
  }

  private void save(RecordSetDialog dialog) {
    RecordSetDialog.Input input = dialog.input();
    Long ttl = input.ttl() == null ? null : input.ttl().longValue();
    dialog.busy(true);
    Background.run(
        executor,
        () -> records.change(caller, domain.id(), input.name(), input.type(), ttl, input.values()),
        stored -> {
          dialog.close();
          Notices.success("Saved the " + stored.type() + " records of " + stored.name() + ".");
          changed.run();
        },
        failure -> {
          dialog.busy(false);
          dialog.showFailure(failure);
        });
  }

  private void confirmDelete(DnsRecordSet set) {
    ConfirmDialog dialog = new ConfirmDialog();
    dialog.setHeader("Delete the " + set.type() + " records of " + set.name() + "?");
    dialog.setText(
        "They are removed from the zone at once; resolvers may remember them for up to "
            + set.ttl()
            + " seconds.");
    dialog.setCancelable(true);
    dialog.setConfirmText("Delete");
    dialog.setConfirmButtonTheme("error primary");
    dialog.addConfirmListener(e -> delete(set));
    dialog.open();
  }

  private void delete(DnsRecordSet set) {
    Background.run(
        executor,
        () -> {
          records.delete(caller, domain.id(), set.name(), set.type());
          return set;
        },
        deleted -> {
          Notices.success("Deleted the " + set.type() + " records of " + set.name() + ".");
          changed.run();
        },
        failure -> Notices.error(Notices.reason(failure)));
  }

  /** A stable id part: {@code www-a}, {@code apex-mx}, {@code _sip-_tcp-srv}. */
  static String key(DnsRecordSet set) {
    String name = set.name().equals("@") ? "apex" : set.name().replace('.', '-');
    return name + "-" + set.type().toLowerCase(Locale.ROOT);
  }
}
