package io.berth.panel.site;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
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
import io.berth.panel.security.CurrentUser;
import io.berth.panel.ui.Badges;
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

/** The customer's sites: status, address, and start / stop / restart. */
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
    card.add(createActions(site));
    return card;
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
