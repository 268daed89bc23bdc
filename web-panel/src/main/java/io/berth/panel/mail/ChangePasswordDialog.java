package io.berth.panel.mail;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import io.berth.panel.common.UserFacingException;
import io.berth.panel.ui.Notices;
import java.util.function.Consumer;

/**
 * A new password for a mailbox, typed twice; stays open with the reason on the field when it is
 * refused.
 */
class ChangePasswordDialog extends Dialog {

  private final PasswordField password = new PasswordField("New password");
  private final PasswordField again = new PasswordField("New password again");

  ChangePasswordDialog(MailboxSummary mailbox, Consumer<String> save) {
    setHeaderTitle("New password for " + mailbox.address());
    password.setId("mailbox-new-password");
    password.setHelperText(MailboxRules.PASSWORD_RULES);
    password.setWidthFull();
    again.setId("mailbox-new-password-confirm");
    again.setWidthFull();
    Button change = new Button("Change password", e -> submit(save));
    change.setId("mailbox-password-save");
    change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add(
        new Paragraph(
            "Mail clients signed in with the old password must sign in again with the new one."),
        password,
        again);
    getFooter().add(new Button("Cancel", e -> close()), change);
  }

  private void submit(Consumer<String> save) {
    password.setInvalid(false);
    if (!password.getValue().equals(again.getValue())) {
      again.setErrorMessage("The two passwords differ; type the same one twice.");
      again.setInvalid(true);
      return;
    }
    again.setInvalid(false);
    try {
      save.accept(password.getValue());
      close();
    } catch (UserFacingException e) {
      String problem = e.problemWith(MailboxService.PASSWORD_FIELD);
      password.setErrorMessage(problem);
      password.setInvalid(problem != null);
      if (problem == null) {
        Notices.error(e.getMessage());
      }
    }
  }
}
