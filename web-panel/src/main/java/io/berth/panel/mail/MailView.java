package io.berth.panel.mail;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import io.berth.panel.ui.MainLayout;
import io.berth.panel.ui.Notices;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/**
 * The customer's domains with their email: "Turn on email" for a set-up domain (its page then
 * follows the set-up live), a link to the page of one with email (mailboxes, aliases, turning it
 * off), and the plan's mail limits.
 */
@Route(value = "mail", layout = MainLayout.class)
@PageTitle("Email · Berth")
@PermitAll
public class MailView extends VerticalLayout {

  private final MailDomainService mailDomains;
  private final CurrentUser user;
  private final Div list = new Div();
  private final Paragraph allowance = new Paragraph();
  private final Paragraph storage = new Paragraph();

  MailView(MailDomainService mailDomains, CurrentUser user) {
    this.mailDomains = mailDomains;
    this.user = user;
    list.setId("mail-domains");
    list.addClassName("domain-cards");
    allowance.setId("mail-allowance");
    storage.setId("mail-storage");
    add(
        new H1("Email"),
        new Paragraph(
            "Mailboxes and aliases on your own domains, read and sent with any mail client."),
        allowance,
        storage,
        list);
    refresh();
  }

  private void refresh() {
    MailLimits limits = mailDomains.limits(user.caller());
    allowance.setText(limits.mailboxSummary());
    storage.setText(limits.storageSummary());
    list.removeAll();
    List<DomainEmail> domains = mailDomains.domainsOf(user.caller());
    if (domains.isEmpty()) {
      Anchor add = new Anchor("domains", "Add a domain");
      add.getElement().setAttribute("router-link", true);
      list.add(
          new Paragraph(new Span("Email runs on a domain of yours. "), add, new Span(" first.")));
    }
    domains.forEach(domain -> list.add(createCard(domain)));
  }

  private Component createCard(DomainEmail domain) {
    Div card = new Div();
    card.addClassName("domain-card");
    card.setId("mail-for-" + domain.domainId());
    MailDomainSummary email = domain.email();
    card.add(
        new H2(domain.name()),
        MailBadges.mailDomain(email == null ? null : email.status()),
        new Span(Labels.domainMode(domain.mode())));
    if (email == null) {
      Button turnOn = new Button("Turn on email", e -> turnOn(domain));
      turnOn.setId("mail-turn-on-" + domain.domainId());
      turnOn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      turnOn.setEnabled(domain.turnOnProblem() == null);
      card.add(turnOn);
      if (domain.turnOnProblem() != null) {
        card.add(new Paragraph(domain.turnOnProblem()));
      }
      return card;
    }
    Anchor open = new Anchor("mail/" + email.id(), "Mailboxes and aliases");
    open.getElement().setAttribute("router-link", true);
    open.setId("mail-open-" + email.id());
    card.add(open);
    return card;
  }

  private void turnOn(DomainEmail domain) {
    try {
      MailDomainSummary on = mailDomains.turnOn(user.caller(), domain.domainId());
      Notices.success("Turning on email for " + on.name() + "; its set-up follows live here.");
      getUI().ifPresent(ui -> ui.navigate("mail/" + on.id()));
    } catch (UserFacingException e) {
      Notices.error(e.getMessage());
      refresh();
    }
  }
}
