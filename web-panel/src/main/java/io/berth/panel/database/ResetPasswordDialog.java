package io.berth.panel.database;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/** Asks before a database user's password is replaced by a new generated one. */
class ResetPasswordDialog extends Dialog {

  ResetPasswordDialog(DatabaseSummary database, Runnable onConfirm) {
    setHeaderTitle("Reset the password of " + database.user() + "?");
    String linked =
        database.siteName() == null
            ? ""
            : " Site " + database.siteName() + " gets the new one by itself (it restarts).";
    add(
        new Paragraph(
            "Berth sets a new generated password at once and shows it to you once. Apps still"
                + " using the old one can no longer connect."
                + linked));
    Button reset =
        new Button(
            "Reset password",
            e -> {
              close();
              onConfirm.run();
            });
    reset.setId("database-reset-confirm");
    reset.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(new Button("Keep the password", e -> close()), reset);
  }
}
