package io.berth.panel.mail;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.berth.panel.common.Caller;
import io.berth.panel.common.NotFoundException;
import io.berth.panel.common.UserFacingException;
import io.berth.panel.security.CurrentUser;
import io.berth.panel.ui.LiveWatch;
import io.berth.panel.ui.MainLayout;
import io.berth.panel.ui.Notices;
import io.berth.panel.ui.StepList;
import io.berth.workflows.mail.MailDomainStatus;
import jakarta.annotation.security.PermitAll;

/**
 * Email on one domain, live: its set-up steps, the mail DNS records, the mail client settings, the
 * plan's limits, the mailboxes (new, change password or quota, delete) and the aliases; and turning
 * email off.
 */
@Route(value = "mail/:mailDomainId(\\d+)", layout = MainLayout.class)
@PermitAll
public class MailDomainView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  static final String UNREACHABLE =
      "The workflow service is unreachable; progress will appear when it is back.";

  private final MailDomainService mailDomains;
  private final MailboxService mailboxes;
  private final AliasService aliases;
  private final MailDomainFeed feed;
  private final CurrentUser user;
  private final H1 title = new H1();
  private final Div status = new Div();
  private final Paragraph reason = new Paragraph();
  private final Div banner = new Div(new Span(UNREACHABLE));
  private final StepList steps = new StepList();
  private final MailDnsSection dns = new MailDnsSection();
  private final Button turnOff = new Button("Turn off email", e -> confirmTurnOff());
  private MailboxesSection mailboxSection;
  private AliasSection aliasSection;
  private MailDomainDetails shown;
  private Caller caller;
  private long mailDomainId;
  private final LiveWatch live = new LiveWatch();

  MailDomainView(
      MailDomainService mailDomains,
      MailboxService mailboxes,
      AliasService aliases,
      MailDomainFeed feed,
      CurrentUser user) {
    this.mailDomains = mailDomains;
    this.mailboxes = mailboxes;
    this.aliases = aliases;
    this.feed = feed;
    this.user = user;
    status.setId("mail-status");
    reason.addClassName("failure");
    banner.addClassName("banner");
    turnOff.setId("mail-turn-off");
    turnOff.addThemeVariants(ButtonVariant.LUMO_ERROR);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    mailDomainId = event.getRouteParameters().getLong("mailDomainId").orElse(0L);
    caller = user.caller();
    shown = null;
    removeAll();
    try {
      build(mailDomains.details(caller, mailDomainId));
    } catch (NotFoundException e) {
      add(
          new H1("Mail domain not found"),
          new Paragraph(e.getMessage()),
          new Anchor("mail", "Email"));
      mailDomainId = 0;
    }
    getUI().ifPresent(this::watch);
  }

  @Override
  public String getPageTitle() {
    return (shown == null ? "Email" : "Email for " + shown.mailDomain().name()) + " · Berth";
  }

  @Override
  protected void onAttach(AttachEvent event) {
    watch(event.getUI());
  }

  @Override
  protected void onDetach(DetachEvent event) {
    live.stop();
  }

  private void watch(UI ui) {
    if (mailDomainId != 0) {
      live.start(feed, ui, mailDomainId, this::render);
    }
  }

  private void build(MailDomainDetails details) {
    MailDomainSummary mailDomain = details.mailDomain();
    String domain = mailDomain.name();
    mailboxSection = new MailboxesSection(mailboxes, caller, mailDomain, this::refresh);
    aliasSection = new AliasSection(domain, this::createAlias, this::deleteAlias);
    add(
        title,
        status,
        reason,
        banner,
        steps,
        dns,
        new ClientSettingsPanel(mailboxes.clientSettings("info@" + domain), domain),
        mailboxSection,
        aliasSection,
        turnOff);
    render(details);
  }

  void render(MailDomainDetails details) {
    shown = details;
    MailDomainSummary mailDomain = details.mailDomain();
    title.setText("Email for " + mailDomain.name());
    status.removeAll();
    status.add(MailBadges.mailDomain(mailDomain.status()));
    reason.setVisible(mailDomain.reason() != null);
    reason.setText(mailDomain.reason());
    banner.setVisible(!details.progressAvailable());
    steps.show(details.steps());
    dns.show(details);
    mailboxSection.show(details);
    aliasSection.show(details.aliases(), mailDomain.open());
    turnOff.setVisible(mailDomain.live());
  }

  private void refresh() {
    render(mailDomains.details(caller, mailDomainId));
    feed.refresh(mailDomainId);
  }

  private void createAlias(AliasSection.Request request) {
    try {
      AliasSummary created =
          aliases.create(caller, mailDomainId, request.localPart(), request.destinations());
      aliasSection.clear();
      Notices.success(
          created.label() + " now forwards to " + String.join(", ", created.destinations()) + ".");
      refresh();
    } catch (UserFacingException e) {
      if (!aliasSection.showProblems(e)) {
        Notices.error(e.getMessage());
      }
    }
  }

  private void deleteAlias(AliasSummary alias) {
    try {
      aliases.delete(caller, alias.id());
      Notices.info(alias.label() + " is deleted.");
    } catch (UserFacingException e) {
      Notices.error(e.getMessage());
    }
    refresh();
  }

  private void confirmTurnOff() {
    MailDomainSummary mailDomain = shown.mailDomain();
    if (shown.mailboxes().stream().anyMatch(m -> !m.kept())) {
      // The service says which mailboxes to delete first, in the same words as the API.
      turnOff(mailDomain);
      return;
    }
    new TurnOffEmailDialog(mailDomain.name(), mailDomain.hosted(), () -> turnOff(mailDomain))
        .open();
  }

  private void turnOff(MailDomainSummary mailDomain) {
    try {
      MailDomainStatus now = mailDomains.turnOff(caller, mailDomainId);
      Notices.info(
          now == MailDomainStatus.REMOVED
              ? "Email is off for " + mailDomain.name() + "."
              : "Turning off email for " + mailDomain.name() + "…");
      getUI().ifPresent(ui -> ui.navigate("mail"));
    } catch (UserFacingException e) {
      Notices.error(e.getMessage());
    }
  }
}
