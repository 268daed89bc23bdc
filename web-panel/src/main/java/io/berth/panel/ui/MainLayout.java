package io.berth.panel.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.berth.panel.security.BerthUser;
import io.berth.panel.security.CurrentUser;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The frame around every page: the brand, where one can go, who is signed in, and, under them, any
 * {@link PageBanner} that has something to say (read again at every navigation).
 */
@AnonymousAllowed
@StyleSheet("context://styles/berth.css")
public class MainLayout extends AppLayout {

  private final Optional<BerthUser> user;
  private final ObjectProvider<PageBanner> banners;
  private final Div banner = new Div();

  public MainLayout(CurrentUser currentUser, ObjectProvider<PageBanner> banners) {
    this.user = currentUser.get();
    this.banners = banners;
    HorizontalLayout bar =
        new HorizontalLayout(createBrand(), createNav(user), createAccount(user, currentUser));
    bar.addClassName("top-bar");
    bar.setWidthFull();
    bar.setAlignItems(FlexComponent.Alignment.CENTER);
    banner.addClassNames("banner", "page-banner");
    banner.setVisible(false);
    addToNavbar(bar, banner);
  }

  @Override
  protected void afterNavigation() {
    super.afterNavigation();
    showBanner();
  }

  private void showBanner() {
    banner.removeAll();
    Optional<PageBanner.Message> message =
        user.flatMap(
            signedIn ->
                banners
                    .orderedStream()
                    .map(b -> b.message(signedIn))
                    .flatMap(Optional::stream)
                    .findFirst());
    banner.setVisible(message.isPresent());
    message.ifPresent(
        m -> {
          banner.setId(m.id());
          Anchor link = link(m.linkPath(), m.linkText());
          link.setId(m.id() + "-link");
          banner.add(new Span(m.text() + " "), link);
        });
  }

  private Component createBrand() {
    Anchor brand = link(".", "Berth");
    brand.addClassName("brand");
    return brand;
  }

  private Component createNav(Optional<BerthUser> user) {
    Nav nav = new Nav(link(".", "Plans"));
    nav.addClassName("main-nav");
    if (user.isPresent()) {
      nav.add(
          link("orders", "Orders"),
          link("sites", "Sites"),
          link("databases", "Databases"),
          link("domains", "Domains"),
          link("mail", "Email"),
          link("billing", "Billing"));
    }
    if (user.map(BerthUser::isSupport).orElse(false)) {
      nav.add(link("admin/orders", "Support"));
    }
    return nav;
  }

  private Component createAccount(Optional<BerthUser> user, CurrentUser currentUser) {
    HorizontalLayout account = new HorizontalLayout();
    account.addClassName("account");
    account.setAlignItems(FlexComponent.Alignment.CENTER);
    if (user.isPresent()) {
      Button signOut = new Button("Sign out", e -> currentUser.signOut());
      signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
      account.add(new Span(user.get().email()), signOut);
    } else {
      account.add(link("login", "Sign in"), link("signup", "Sign up"));
    }
    return account;
  }

  /** A link the router follows inside the page, without a full reload. */
  private static Anchor link(String path, String text) {
    Anchor anchor = new Anchor(path, text);
    anchor.getElement().setAttribute("router-link", true);
    return anchor;
  }
}
