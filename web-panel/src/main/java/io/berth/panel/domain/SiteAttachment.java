package io.berth.panel.domain;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import io.berth.panel.common.Caller;
import io.berth.panel.ui.Background;
import io.berth.panel.ui.Notices;
import java.util.List;
import java.util.concurrent.Executor;

/** Which site the domain shows, and the controls to attach it to another one or detach it. */
class SiteAttachment extends Div {

  private final DomainService domains;
  private final Caller caller;
  private final long domainId;
  private final Executor executor;
  private final Runnable changed;
  private final Span current = new Span();
  private final Select<SiteChoice> site = new Select<>();
  private final Button attach = new Button("Attach", e -> attach());
  private final Button detach = new Button("Detach", e -> detach());

  SiteAttachment(
      DomainService domains,
      Caller caller,
      long domainId,
      List<SiteChoice> sites,
      Executor executor,
      Runnable changed) {
    this.domains = domains;
    this.caller = caller;
    this.domainId = domainId;
    this.executor = executor;
    this.changed = changed;
    addClassName("site-attachment");
    current.setId("domain-attached-site");
    site.setId("domain-attach-site");
    site.setLabel("Site");
    site.setItems(sites);
    site.setItemLabelGenerator(s -> s == null ? "" : s.name());
    site.setPlaceholder(sites.isEmpty() ? "No live site yet" : "Choose a site");
    attach.setId("domain-attach");
    detach.setId("domain-detach");
    HorizontalLayout controls = new HorizontalLayout(site, attach, detach);
    controls.setAlignItems(FlexComponent.Alignment.BASELINE);
    add(new H2("Site"), current, controls);
  }

  void show(DomainSummary domain) {
    current.setText(
        domain.siteName() == null
            ? "Not attached to a site."
            : "Attached to site "
                + domain.siteName()
                + ": "
                + domain.name()
                + " and www."
                + domain.name()
                + " show it.");
    attach.setEnabled(domain.live());
    site.setEnabled(domain.live());
    detach.setVisible(domain.siteId() != null && domain.live());
  }

  private void attach() {
    SiteChoice chosen = site.getValue();
    site.setInvalid(false);
    attach.setEnabled(false);
    Background.run(
        executor,
        () -> domains.attach(caller, domainId, chosen == null ? null : chosen.id()),
        attached -> {
          attach.setEnabled(true);
          Notices.success("Attached to " + attached.name() + ".");
          changed.run();
        },
        failure -> {
          attach.setEnabled(true);
          site.setInvalid(true);
          site.setErrorMessage(Notices.reason(failure));
        });
  }

  private void detach() {
    detach.setEnabled(false);
    Background.run(
        executor,
        () -> {
          domains.detach(caller, domainId);
          return domainId;
        },
        done -> {
          detach.setEnabled(true);
          Notices.success("Detached from its site.");
          changed.run();
        },
        failure -> {
          detach.setEnabled(true);
          Notices.error(Notices.reason(failure));
        });
  }
}
