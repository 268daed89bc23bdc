package io.berth.panel.domain;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.berth.panel.certificate.CertificateDetails;
import io.berth.panel.certificate.HttpsFormat;

/**
 * One line saying where HTTPS stands for the domain ("HTTPS: issued, valid until …"), linking to
 * the attached site's page, where the certificate's steps and details are.
 */
class HttpsLine extends Div {

  private final Span text = new Span();
  private final Anchor site = new Anchor();

  HttpsLine() {
    setId("domain-https");
    addClassName("https-line");
    site.setId("domain-https-site");
    add(text, site);
  }

  void show(DomainSummary domain, CertificateDetails https) {
    if (https == null || domain.siteId() == null) {
      text.setText("HTTPS: comes with a site — attach the domain to one to get a certificate.");
      site.setVisible(false);
      return;
    }
    text.setText(HttpsFormat.line(https) + " ");
    site.setHref("sites/" + domain.siteId());
    site.setText("HTTPS of site " + https.siteName());
    site.setVisible(true);
  }
}
