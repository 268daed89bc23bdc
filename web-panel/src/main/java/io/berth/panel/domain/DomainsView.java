package io.berth.panel.domain;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.berth.panel.common.Labels;
import io.berth.panel.common.UserFacingException;
import io.berth.panel.security.CurrentUser;
import io.berth.panel.ui.Badges;
import io.berth.panel.ui.MainLayout;
import io.berth.panel.ui.Notices;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/**
 * The customer's domains, each linking to its page, and the form to add one; a domain just added
 * opens its page, where its set-up is followed live.
 */
@Route(value = "domains", layout = MainLayout.class)
@PageTitle("Your domains · Berth")
@PermitAll
public class DomainsView extends VerticalLayout {

  private final DomainService domains;
  private final CurrentUser user;
  private final AddDomainForm form;
  private final Div list = new Div();

  DomainsView(DomainService domains, CurrentUser user) {
    this.domains = domains;
    this.user = user;
    this.form = new AddDomainForm(domains.attachableSites(user.caller()), this::add);
    list.addClassName("domain-cards");
    add(new H1("Your domains"), list, new H2("Add a domain"), form);
    refresh();
  }

  private void add(AddDomainForm.Request request) {
    try {
      DomainSummary added =
          domains.add(user.caller(), request.name(), request.mode(), request.siteId());
      form.clear();
      Notices.success(added.name() + " is added; its set-up follows live here.");
      getUI().ifPresent(ui -> ui.navigate("domains/" + added.id()));
    } catch (UserFacingException e) {
      if (!form.showProblems(e)) {
        Notices.error(e.getMessage());
      }
    }
  }

  private void refresh() {
    list.removeAll();
    List<DomainSummary> all = domains.domainsOf(user.caller());
    if (all.isEmpty()) {
      list.add(new Paragraph("You have not added a domain yet."));
    }
    all.forEach(domain -> list.add(createCard(domain)));
  }

  private Component createCard(DomainSummary domain) {
    Anchor card = new Anchor("domains/" + domain.id(), "");
    card.getElement().setAttribute("router-link", true);
    card.addClassName("domain-card");
    card.setId("domain-" + domain.id());
    card.add(
        new H2(domain.name()),
        Badges.domain(domain.status()),
        new Span(Labels.domainMode(domain.mode())),
        new Span(domain.siteName() == null ? "No site attached" : "Site: " + domain.siteName()),
        new Span(DomainFormat.dnsSummary(domain.dns())));
    return card;
  }
}
