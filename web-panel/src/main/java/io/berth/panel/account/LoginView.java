package io.berth.panel.account;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.berth.panel.ui.MainLayout;

/** Sign-in with email and password; Spring Security checks them and rotates the session. */
@Route(value = "login", layout = MainLayout.class)
@PageTitle("Sign in · Berth")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

  private final LoginForm form = new LoginForm();

  LoginView() {
    addClassName("narrow");
    setAlignItems(Alignment.CENTER);
    form.setAction("login");
    form.setForgotPasswordButtonVisible(false);
    form.setI18n(createI18n());
    add(form, new Paragraph(new Anchor("signup", "New to Berth? Create an account")));
  }

  private static LoginI18n createI18n() {
    LoginI18n i18n = LoginI18n.createDefault();
    i18n.getForm().setTitle("Sign in");
    i18n.getForm().setUsername("Email");
    i18n.getErrorMessage().setTitle("That did not work");
    i18n.getErrorMessage()
        .setMessage("The email or the password is wrong. Check both and try again.");
    return i18n;
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
  }
}
