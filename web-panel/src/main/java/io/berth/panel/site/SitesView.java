package io.berth.panel.site;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.berth.panel.common.Caller;
import io.berth.panel.common.UserFacingException;
import io.berth.panel.security.CurrentUser;
import io.berth.panel.ui.Badges;
import io.berth.panel.ui.CopyButton;
import io.berth.panel.ui.MainLayout;
import io.berth.panel.ui.Notices;
import io.berth.workflows.site.SiteAction;
import io.berth.workflows.site.SiteStatus;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * The customer's sites: status, address, start / stop / restart, for WordPress the way into
 * wp-admin with the generated password shown until the customer has saved it, and a link to each
 * site's page (its HTTPS).
 */
@Route(value = "sites", layout = MainLayout.class)
@PageTitle("Your sites · Berth")
@PermitAll
public class SitesView extends VerticalLayout {

  private final SiteService sites;
  private final CurrentUser user;
  private final Executor executor;
  private final Div list = new Div();

  SitesView(
      SiteService sites,
      CurrentUser user,
      @Qualifier("applicationTaskExecutor") Executor executor) {
    this.sites = sites;
    this.user = user;
    this.executor = executor;
    list.addClassName("site-cards");
    add(new H1("Your sites"), list);
    refresh();
  }

  private void refresh() {
    list.removeAll();
    List<SiteSummary> all = sites.sitesOf(user.caller());
    if (all.isEmpty()) {
      list.add(new Paragraph("You have no sites yet."), new Anchor(".", "Choose a plan"));
    }
    all.forEach(site -> list.add(createSiteCard(site)));
  }

  private Component createSiteCard(SiteSummary site) {
    Div card = new Div();
    card.addClassName("site-card");
    card.setId("site-" + site.id());
    Anchor address = new Anchor(site.url(), site.url(), AnchorTarget.BLANK);
    card.add(
        new H2(site.name()),
        Badges.site(site.status()),
        new Span(AppCatalog.label(site.app())),
        address);
    if (site.status() == SiteStatus.FAILED && site.failureReason() != null) {
      card.add(new Paragraph("Set-up failed: " + site.failureReason()));
    }
    if (site.isWordPress()) {
      card.add(createAdminAccess(site));
    }
    Anchor details = new Anchor("sites/" + site.id(), "Details and HTTPS");
    details.setId("site-open-" + site.id());
    card.add(details, createActions(site));
    return card;
  }

  /**
   * "Open wp-admin", and while the generated password is kept: the user, the password with a copy
   * button, and "I've saved it", which forgets it.
   */
  private Component createAdminAccess(SiteSummary site) {
    Div access = new Div();
    access.addClassName("wp-admin");
    Anchor open = new Anchor(site.adminUrl(), "Open wp-admin", AnchorTarget.BLANK);
    open.setId("wp-admin-open-" + site.id());
    open.addClassName("wp-admin-open");
    access.add(open);
    try {
      sites
          .adminCredentials(user.caller(), site.id())
          .ifPresent(credentials -> access.add(createCredentials(credentials)));
    } catch (UserFacingException e) {
      access.add(new Paragraph(e.getMessage()));
    }
    return access;
  }

  private Component createCredentials(AdminCredentials credentials) {
    long id = credentials.siteId();
    Span userName = new Span(credentials.user());
    userName.setId("wp-admin-user-" + id);
    userName.addClassName("secret");
    Span password = new Span(credentials.password());
    password.setId("wp-admin-password-" + id);
    password.addClassName("secret");
    CopyButton copy = new CopyButton(credentials.password());
    copy.setId("wp-admin-copy-" + id);
    Button saved = new Button("I've saved it", e -> forgetCredentials(id));
    saved.setId("wp-admin-saved-" + id);
    saved.addThemeVariants(ButtonVariant.LUMO_SMALL);
    Div box =
        new Div(
            new Div(new Span("wp-admin user: "), userName),
            new Div(new Span("Password: "), password, copy),
            new Paragraph("Shown once — change it in wp-admin after you sign in"),
            saved);
    box.addClassName("credentials");
    return box;
  }

  private void forgetCredentials(long siteId) {
    try {
      sites.forgetAdminCredentials(user.caller(), siteId);
      Notices.info("The password is no longer shown here.");
    } catch (UserFacingException e) {
      Notices.error(e.getMessage());
    }
    refresh();
  }

  private Component createActions(SiteSummary site) {
    HorizontalLayout actions = new HorizontalLayout();
    for (SiteAction action : SiteAction.values()) {
      Button button = new Button(label(action));
      button.setEnabled(site.offers(action));
      button.addClickListener(
          e -> {
            actions.getChildren().forEach(c -> ((Button) c).setEnabled(false));
            perform(site, action);
          });
      actions.add(button);
    }
    return actions;
  }

  private void perform(SiteSummary site, SiteAction action) {
    UI ui = UI.getCurrent();
    Caller caller = user.caller();
    Notices.info(progressMessage(site, action));
    CompletableFuture.supplyAsync(() -> sites.perform(caller, site.id(), action), executor)
        .thenCompose(result -> result)
        .whenComplete(
            (status, failure) ->
                ui.access(
                    () -> {
                      if (failure == null) {
                        Notices.success(site.name() + " is " + describe(status) + ".");
                      } else {
                        Notices.error(Notices.reason(failure));
                      }
                      refresh();
                    }));
  }

  private static String label(SiteAction action) {
    return switch (action) {
      case START -> "Start";
      case STOP -> "Stop";
      case RESTART -> "Restart";
    };
  }

  private static String progressMessage(SiteSummary site, SiteAction action) {
    return switch (action) {
      case START -> "Starting " + site.name() + "…";
      case STOP -> "Stopping " + site.name() + "…";
      case RESTART -> "Restarting " + site.name() + "…";
    };
  }

  private static String describe(SiteStatus status) {
    return status == null ? "updated" : "now " + status.name().toLowerCase(Locale.ROOT);
  }
}
