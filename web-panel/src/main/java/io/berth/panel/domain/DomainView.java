package io.berth.panel.domain;

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
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.berth.panel.certificate.CertificateDetails;
import io.berth.panel.certificate.CertificateService;
import io.berth.panel.common.Caller;
import io.berth.panel.common.Labels;
import io.berth.panel.common.NotFoundException;
import io.berth.panel.common.UserFacingException;
import io.berth.panel.security.CurrentUser;
import io.berth.panel.ui.Badges;
import io.berth.panel.ui.LiveWatch;
import io.berth.panel.ui.MainLayout;
import io.berth.panel.ui.Notices;
import io.berth.panel.ui.StepList;
import io.berth.workflows.domain.DomainStatus;
import jakarta.annotation.security.PermitAll;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * One domain, live: its set-up steps, the DNS check, what to set up outside Berth (name servers or
 * records), the DNS editor of a hosted zone, the attached site and its HTTPS, and removal.
 */
@Route(value = "domains/:domainId(\\d+)", layout = MainLayout.class)
@PermitAll
public class DomainView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  static final String UNREACHABLE =
      "The workflow service is unreachable; progress will appear when it is back.";

  private final DomainService domains;
  private final CertificateService certificates;
  private final DnsRecordService records;
  private final DomainProgressFeed feed;
  private final CurrentUser user;
  private final Executor executor;
  private final H1 title = new H1();
  private final Div status = new Div();
  private final Span mode = new Span();
  private final Paragraph reason = new Paragraph();
  private final Div banner = new Div(new Span(UNREACHABLE));
  private final StepList steps = new StepList();
  private final HttpsLine https = new HttpsLine();
  private final Button remove = new Button("Remove domain", e -> confirmRemoval());
  private DnsCheckLine dnsCheck;
  private SiteAttachment site;
  private RecordEditor editor;
  private RecordsToCreate recordsToCreate;
  private Caller caller;
  private long domainId;
  private String name;
  private final LiveWatch live = new LiveWatch();

  DomainView(
      DomainService domains,
      CertificateService certificates,
      DnsRecordService records,
      DomainProgressFeed feed,
      CurrentUser user,
      @Qualifier("applicationTaskExecutor") Executor executor) {
    this.domains = domains;
    this.certificates = certificates;
    this.records = records;
    this.feed = feed;
    this.user = user;
    this.executor = executor;
    status.setId("domain-status");
    reason.addClassName("failure");
    banner.addClassName("banner");
    remove.setId("domain-remove");
    remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    domainId = event.getRouteParameters().getLong("domainId").orElse(0L);
    caller = user.caller();
    removeAll();
    try {
      build(domains.details(caller, domainId));
    } catch (NotFoundException e) {
      add(
          new H1("Domain not found"),
          new Paragraph(e.getMessage()),
          new Anchor("domains", "Your domains"));
      domainId = 0;
    }
    // Moving from one domain's page to another keeps this view attached: follow the new one.
    getUI().ifPresent(this::watch);
  }

  @Override
  public String getPageTitle() {
    return (name == null ? "Domain" : name) + " · Berth";
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
    if (domainId != 0) {
      live.start(feed, ui, domainId, this::render);
    }
  }

  private void build(DomainDetails details) {
    DomainSummary domain = details.domain();
    name = domain.name();
    dnsCheck = new DnsCheckLine(this::checkNow);
    site =
        new SiteAttachment(
            domains, caller, domainId, domains.attachableSites(caller), executor, this::refresh);
    HorizontalLayout headline = new HorizontalLayout(status, mode);
    headline.setAlignItems(FlexComponent.Alignment.CENTER);
    add(title, headline, reason, banner, steps, dnsCheck);
    if (domain.hosted()) {
      editor = new RecordEditor(records, caller, domain, executor, this::refresh);
      add(new NameServerList(domain.name(), details.nameServers()), editor);
    } else {
      recordsToCreate = new RecordsToCreate(domain.name());
      add(recordsToCreate);
    }
    add(https, site, remove);
    render(details);
  }

  void render(DomainDetails details) {
    DomainSummary domain = details.domain();
    title.setText(domain.name());
    status.removeAll();
    status.add(Badges.domain(domain.status()));
    mode.setText(Labels.domainMode(domain.mode()));
    reason.setVisible(domain.reason() != null);
    reason.setText(domain.reason());
    banner.setVisible(!details.progressAvailable());
    steps.show(details.steps());
    dnsCheck.show(domain);
    if (editor != null) {
      editor.show(details.records(), domain.editable());
    }
    if (recordsToCreate != null) {
      recordsToCreate.show(details.recordsToCreate());
    }
    site.show(domain);
    https.show(domain, httpsOf(domain));
    remove.setVisible(domain.live());
  }

  /**
   * HTTPS of the attached site, read for this page only (the domain's API answer does not carry it,
   * so it does not wait for the certificate workflow).
   */
  private CertificateDetails httpsOf(DomainSummary domain) {
    if (domain.siteId() == null) {
      return null;
    }
    try {
      return certificates.snapshot(domain.siteId());
    } catch (NotFoundException siteGone) {
      return null;
    }
  }

  private void refresh() {
    render(domains.details(caller, domainId));
    feed.refresh(domainId);
  }

  private void checkNow() {
    try {
      domains.checkNow(caller, domainId);
      Notices.info("Checking DNS for " + name + "…");
    } catch (UserFacingException e) {
      Notices.error(e.getMessage());
    }
  }

  private void confirmRemoval() {
    new RemoveDomainDialog(name, this::removeDomain).open();
  }

  private void removeDomain() {
    try {
      DomainStatus now = domains.remove(caller, domainId);
      Notices.info(now == DomainStatus.REMOVED ? name + " is removed." : "Removing " + name + "…");
      refresh();
    } catch (UserFacingException e) {
      Notices.error(e.getMessage());
    }
  }
}
