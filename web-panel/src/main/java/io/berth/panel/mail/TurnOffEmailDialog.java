package io.berth.panel.mail;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/** Asks before email is turned off for a domain, saying what goes with it. */
class TurnOffEmailDialog extends Dialog {

  TurnOffEmailDialog(String domain, boolean hosted, Runnable onConfirm) {
    setHeaderTitle("Turn off email for " + domain + "?");
    Button turnOff =
        new Button(
            "Turn off email",
            e -> {
              close();
              onConfirm.run();
            });
    turnOff.setId("mail-turn-off-confirmed");
    turnOff.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
    add(
        new Paragraph(
            "Mail to "
                + domain
                + " then bounces, and its aliases and catch-all are deleted at once. "
                + (hosted
                    ? "Berth removes its mail records (MX, SPF, DKIM, DMARC) from your zone."
                    : "Remove its mail records (MX, SPF, DKIM, DMARC) at your DNS provider.")
                + " You can turn email on again later."));
    getFooter().add(new Button("Keep email", e -> close()), turnOff);
  }
}
