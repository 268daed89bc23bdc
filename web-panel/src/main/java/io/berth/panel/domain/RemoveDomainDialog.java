package io.berth.panel.domain;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/** Asks the customer to type the domain's name before it is removed with its zone and records. */
class RemoveDomainDialog extends Dialog {

  RemoveDomainDialog(String domain, Runnable onConfirm) {
    setHeaderTitle("Remove " + domain + "?");
    TextField confirmation = new TextField("Type " + domain + " to confirm");
    confirmation.setId("domain-remove-confirm");
    confirmation.setValueChangeMode(ValueChangeMode.EAGER);
    confirmation.setWidthFull();
    Button remove =
        new Button(
            "Remove",
            e -> {
              close();
              onConfirm.run();
            });
    remove.setId("domain-remove-confirmed");
    remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
    remove.setEnabled(false);
    confirmation.addValueChangeListener(
        e -> remove.setEnabled(domain.equals(e.getValue().strip())));
    add(
        new Paragraph(
            "Berth removes the domain's route to its site, its zone and every record in it. Your"
                + " sites stay as they are. This cannot be undone."),
        confirmation);
    getFooter().add(new Button("Keep the domain", e -> close()), remove);
  }
}
