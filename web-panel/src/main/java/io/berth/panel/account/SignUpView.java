package io.berth.panel.account;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.berth.panel.common.UserFacingException;
import io.berth.panel.ui.MainLayout;
import io.berth.panel.ui.Notices;

/** Sign-up: email and password, with a clear word on what is wrong with either. */
@Route(value = "signup", layout = MainLayout.class)
@PageTitle("Sign up · Berth")
@AnonymousAllowed
public class SignUpView extends VerticalLayout {

  private final AccountService accounts;
  private final TextField email = createEmailField();
  private final PasswordField password = createPasswordField();

  SignUpView(AccountService accounts) {
    this.accounts = accounts;
    addClassName("narrow");
    add(
        new H1("Create your account"),
        email,
        password,
        createSignUpButton(),
        new Paragraph(new Anchor("login", "I already have an account")));
  }

  private static TextField createEmailField() {
    TextField field = new TextField("Email");
    field.setWidthFull();
    field.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.EMAIL);
    field.setRequiredIndicatorVisible(true);
    return field;
  }

  private static PasswordField createPasswordField() {
    PasswordField field = new PasswordField("Password");
    field.setWidthFull();
    field.setHelperText(PasswordPolicy.HINT);
    field.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
    field.setRequiredIndicatorVisible(true);
    return field;
  }

  private Component createSignUpButton() {
    Button signUp = new Button("Create account", e -> signUp());
    signUp.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    signUp.addClickShortcut(Key.ENTER);
    return signUp;
  }

  private void signUp() {
    try {
      accounts.signUp(email.getValue(), password.getValue());
      Notices.success("Your account is ready. Sign in to continue.");
      getUI().ifPresent(ui -> ui.navigate("login"));
    } catch (UserFacingException e) {
      show(email, e.problemWith("email"));
      show(password, e.problemWith("password"));
    }
  }

  private static void show(TextField field, String problem) {
    field.setInvalid(problem != null);
    field.setErrorMessage(problem);
  }

  private static void show(PasswordField field, String problem) {
    field.setInvalid(problem != null);
    field.setErrorMessage(problem);
  }
}
