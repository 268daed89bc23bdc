package io.berth.panel.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * Asks the customer to type the name of what they are about to destroy, and says what happens; the
 * destructive button stays off until the name is typed exactly. Ids: {@code <idPrefix>-confirm}
 * (the field) and {@code <idPrefix>-confirmed} (the button).
 */
public class TypedConfirmationDialog extends Dialog {

  /**
   * @param verb the action, as on the button ("Delete", "Remove")
   * @param name what must be typed
   * @param consequences what happens, in plain words
   * @param keepLabel the button that backs out ("Keep the mailbox")
   */
  public TypedConfirmationDialog(
      String idPrefix,
      String verb,
      String name,
      String consequences,
      String keepLabel,
      Runnable onConfirm) {
    setHeaderTitle(verb + " " + name + "?");
    TextField confirmation = new TextField("Type " + name + " to confirm");
    confirmation.setId(idPrefix + "-confirm");
    confirmation.setValueChangeMode(ValueChangeMode.EAGER);
    confirmation.setWidthFull();
    Button destroy =
        new Button(
            verb,
            e -> {
              close();
              onConfirm.run();
            });
    destroy.setId(idPrefix + "-confirmed");
    destroy.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
    destroy.setEnabled(false);
    confirmation.addValueChangeListener(e -> destroy.setEnabled(name.equals(e.getValue().strip())));
    add(new Paragraph(consequences), confirmation);
    getFooter().add(new Button(keepLabel, e -> close()), destroy);
  }
}
