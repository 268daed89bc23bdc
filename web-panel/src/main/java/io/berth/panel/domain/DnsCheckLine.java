package io.berth.panel.domain;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** The last DNS check of a domain (found, expected, when) and a "Check now" button. */
class DnsCheckLine extends Div {

  private final Span text = new Span();
  private final Button checkNow;

  DnsCheckLine(Runnable onCheckNow) {
    setId("dns-check");
    addClassName("dns-check");
    text.addClassName("dns-check-text");
    checkNow = new Button("Check now", e -> onCheckNow.run());
    checkNow.setId("dns-check-now");
    checkNow.addThemeVariants(ButtonVariant.LUMO_SMALL);
    add(text, checkNow);
  }

  void show(DomainSummary domain) {
    text.setText(DomainFormat.dnsCheck(domain.dns()));
    removeClassNames("seen", "not-seen");
    addClassName(domain.dns().seen() ? "seen" : "not-seen");
    checkNow.setVisible(domain.live());
  }
}
