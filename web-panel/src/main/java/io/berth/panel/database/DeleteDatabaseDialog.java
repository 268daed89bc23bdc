package io.berth.panel.database;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/** Asks the customer to type the database's name before it is dropped with its data. */
class DeleteDatabaseDialog extends Dialog {

  DeleteDatabaseDialog(DatabaseSummary database, Runnable onConfirm) {
    String name = database.name();
    setHeaderTitle("Delete " + name + "?");
    TextField confirmation = new TextField("Type " + name + " to confirm");
    confirmation.setId("database-delete-confirm");
    confirmation.setValueChangeMode(ValueChangeMode.EAGER);
    confirmation.setWidthFull();
    Button delete =
        new Button(
            "Delete",
            e -> {
              close();
              onConfirm.run();
            });
    delete.setId("database-delete-confirmed");
    delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
    delete.setEnabled(false);
    confirmation.addValueChangeListener(e -> delete.setEnabled(name.equals(e.getValue().strip())));
    String linked =
        database.siteName() == null
            ? ""
            : " Site " + database.siteName() + " loses its access to it.";
    add(
        new Paragraph(
            "Berth drops the database and its user with all their data."
                + linked
                + " This cannot be undone."),
        confirmation);
    getFooter().add(new Button("Keep the database", e -> close()), delete);
  }
}
