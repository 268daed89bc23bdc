package io.berth.panel.database;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.berth.panel.ui.CopyButton;

/** Shows a database user's new password, this once, with a way to copy it. */
class NewPasswordDialog extends Dialog {

  NewPasswordDialog(NewPassword password) {
    setHeaderTitle("New password for " + password.user());
    setCloseOnOutsideClick(false);
    Span value = new Span(password.password());
    value.setId("database-new-password");
    value.addClassName("secret");
    CopyButton copy = new CopyButton(password.password());
    copy.setId("database-new-password-copy");
    Div user = new Div(new Span("User: "), new Span(password.user()));
    Div secret = new Div(new Span("Password: "), value, copy);
    secret.addClassName("credentials");
    add(
        user,
        secret,
        new Paragraph(
            "Shown once — copy it now: Berth does not show it again. Reset it again if you lose"
                + " it."));
    Button done = new Button("I've saved it", e -> close());
    done.setId("database-new-password-done");
    done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(done);
  }
}
