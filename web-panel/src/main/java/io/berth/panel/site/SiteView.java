package io.berth.panel.site;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
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
import io.berth.panel.certificate.CertificateFeed;
import io.berth.panel.certificate.CertificateService;
import io.berth.panel.certificate.HttpsSection;
import io.berth.panel.common.Caller;
import io.berth.panel.common.NotFoundException;
import io.berth.panel.security.CurrentUser;
import io.berth.panel.ui.Badges;
import io.berth.panel.ui.LiveWatch;
import io.berth.panel.ui.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * One site: its status and address, links to its logs, usage and backups, and its HTTPS live
 * (certificate steps, padlock details, why an attempt failed and "Retry now").
 */
@Route(value = "sites/:siteId(\\d+)", layout = MainLayout.class)
@PermitAll
public class SiteView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  private final SiteService sites;
  private final CertificateService certificates;
  private final CertificateFeed feed;
  private final CurrentUser user;
  private final Executor executor;
  private HttpsSection https;
  private long siteId;
  private String name;
  private final LiveWatch live = new LiveWatch();

  SiteView(
      SiteService sites,
      CertificateService certificates,
      CertificateFeed feed,
      CurrentUser user,
      @Qualifier("applicationTaskExecutor") Executor executor) {
    this.sites = sites;
    this.certificates = certificates;
    this.feed = feed;
    this.user = user;
    this.executor = executor;
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    siteId = event.getRouteParameters().getLong("siteId").orElse(0L);
    Caller caller = user.caller();
    removeAll();
    try {
      build(sites.site(caller, siteId), caller);
    } catch (NotFoundException e) {
      add(
          new H1("Site not found"),
          new Paragraph(e.getMessage()),
          new Anchor("sites", "Your sites"));
      siteId = 0;
      https = null;
    }
    // Moving from one site's page to another keeps this view attached: follow the new one.
    getUI().ifPresent(this::watch);
  }

  @Override
  public String getPageTitle() {
    return (name == null ? "Site" : name) + " · Berth";
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
    if (siteId != 0 && https != null) {
      live.start(feed, ui, siteId, https::show);
    }
  }

  private void build(SiteSummary site, Caller caller) {
    name = site.name();
    Anchor address = new Anchor(site.url(), site.url(), AnchorTarget.BLANK);
    address.setId("site-address");
    HorizontalLayout headline =
        new HorizontalLayout(Badges.site(site.status()), new Span(AppCatalog.label(site.app())));
    headline.setAlignItems(FlexComponent.Alignment.CENTER);
    https = new HttpsSection(certificates, caller, siteId, executor, this::refresh);
    add(
        new H1(site.name()),
        headline,
        address,
        sections(),
        https,
        new Anchor("sites", "All your sites"));
    https.show(certificates.details(caller, siteId));
  }

  /** Links to the site's own pages: its live logs, its usage against the plan, its backups. */
  private HorizontalLayout sections() {
    HorizontalLayout links = new HorizontalLayout();
    links.setId("site-sections");
    for (String section : new String[] {"logs", "usage", "backups"}) {
      Anchor link =
          new Anchor(
              "sites/" + siteId + "/" + section,
              Character.toUpperCase(section.charAt(0)) + section.substring(1));
      link.setId("site-" + section + "-link");
      links.add(link);
    }
    return links;
  }

  private void refresh() {
    if (https != null) {
      https.show(certificates.details(user.caller(), siteId));
      feed.refresh(siteId);
    }
  }
}
