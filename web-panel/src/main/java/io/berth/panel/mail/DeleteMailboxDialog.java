package io.berth.panel.mail;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.Duration;
import java.util.List;

/**
 * Asks the customer to type the mailbox's address before it is deleted, and says what happens to
 * its mail.
 */
class DeleteMailboxDialog extends Dialog {

  DeleteMailboxDialog(
      MailboxSummary mailbox, Duration retention, List<String> forwarders, Runnable onConfirm) {
    String address = mailbox.address();
    setHeaderTitle("Delete " + address + "?");
    TextField confirmation = new TextField("Type " + address + " to confirm");
    confirmation.setId("mailbox-delete-confirm");
    confirmation.setValueChangeMode(ValueChangeMode.EAGER);
    confirmation.setWidthFull();
    Button delete =
        new Button(
            "Delete",
            e -> {
              close();
              onConfirm.run();
            });
    delete.setId("mailbox-delete-confirmed");
    delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
    delete.setEnabled(false);
    confirmation.addValueChangeListener(
        e -> delete.setEnabled(address.equals(e.getValue().strip())));
    long days = retention.toDays();
    String kept = days >= 1 ? (days == 1 ? "1 day" : days + " days") : retention.toString();
    add(
        new Paragraph(
            "The mailbox stops receiving mail and signing in at once. Its mail is kept for "
                + kept
                + ", then removed for good; the address stays taken until then."
                + (forwarders.isEmpty()
                    ? ""
                    : " Mail to "
                        + String.join(", ", forwarders)
                        + " is forwarded here and will bounce.")),
        confirmation);
    getFooter().add(new Button("Keep the mailbox", e -> close()), delete);
  }
}
