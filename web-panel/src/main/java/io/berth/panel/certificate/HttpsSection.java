package io.berth.panel.certificate;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.berth.panel.common.Caller;
import io.berth.panel.common.Labels;
import io.berth.panel.ui.Background;
import io.berth.panel.ui.Notices;
import io.berth.panel.ui.StepList;
import java.util.concurrent.Executor;

/**
 * A site's HTTPS: the certificate workflow's live steps, the padlock details of the certificate
 * served now, why the last attempt failed with a "Retry now" button, and the site's HTTPS links.
 */
public class HttpsSection extends Div {

  static final String UNREACHABLE =
      "The certificate's workflow could not be asked; its progress will appear when it answers.";

  private final CertificateService certificates;
  private final Caller caller;
  private final long siteId;
  private final Executor executor;
  private final Runnable changed;
  private final Span status = new Span();
  private final Paragraph explanation = new Paragraph();
  private final Div banner = new Div(new Span(UNREACHABLE));
  private final Paragraph warningText = new Paragraph();
  private final Button retry = new Button("Retry now", e -> retryNow());
  private final Div warning = new Div(warningText, retry);
  private final StepList steps = new StepList();
  private final Div padlock = new Div();
  private final Div links = new Div();

  /**
   * @param changed called after the workflow accepted "Retry now", to read the section again
   */
  public HttpsSection(
      CertificateService certificates,
      Caller caller,
      long siteId,
      Executor executor,
      Runnable changed) {
    this.certificates = certificates;
    this.caller = caller;
    this.siteId = siteId;
    this.executor = executor;
    this.changed = changed;
    setId("https");
    addClassName("https");
    status.setId("https-status");
    explanation.setId("https-explanation");
    banner.setId("https-unreachable");
    banner.addClassName("banner");
    warning.setId("https-warning");
    warning.addClassName("https-warning");
    retry.setId("https-retry");
    retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
    padlock.setId("https-padlock");
    padlock.addClassName("padlock");
    links.setId("https-links");
    add(new H2("HTTPS"), status, explanation, banner, warning, steps, padlock, links);
  }

  public void show(CertificateDetails details) {
    status.setText(Labels.capitalize(HttpsFormat.status(details.status())));
    status.setClassName("badge " + tone(details.status()));
    showExplanation(details);
    banner.setVisible(!details.progressAvailable());
    warning.setVisible(details.failing());
    warningText.setText(details.failing() ? HttpsFormat.warning(details) : "");
    retry.setVisible(details.workflowRunning());
    boolean certifying = details.status() != HttpsStatus.NO_DOMAIN;
    steps.setVisible(certifying);
    steps.show(details.steps());
    showPadlock(details.installed());
    links.removeAll();
    for (int i = 0; i < details.urls().size(); i++) {
      String url = details.urls().get(i);
      Anchor link = new Anchor(url, url, AnchorTarget.BLANK);
      link.setId("https-link-" + i);
      links.add(link);
    }
    links.setVisible(!details.urls().isEmpty());
  }

  private void showExplanation(CertificateDetails details) {
    String text =
        switch (details.status()) {
          case NO_DOMAIN -> CertificateService.NO_DOMAIN;
          case PENDING ->
              "A certificate for "
                  + String.join(", ", details.domains())
                  + " is ordered once their DNS points here.";
          case ISSUING ->
              "Ordering a certificate for " + String.join(", ", details.domains()) + ".";
          case RENEWING -> "Renewing; the current certificate keeps serving meanwhile.";
          case REMOVED -> "The site no longer has a certificate: its domains were removed.";
          case ISSUED, FAILING -> null;
        };
    explanation.setVisible(text != null);
    explanation.setText(text == null ? "" : text);
  }

  private void showPadlock(Padlock installed) {
    padlock.removeAll();
    padlock.setVisible(installed != null);
    if (installed == null) {
      return;
    }
    padlock.add(
        field("Issued by", installed.issuer(), "https-issuer"),
        field("Names", String.join(", ", installed.names()), "https-names"),
        field("Valid until", HttpsFormat.when(installed.notAfter()), "https-valid-until"),
        field("Next renewal", HttpsFormat.when(installed.renewsAt()), "https-renews"),
        field("Serial", installed.serial(), "https-serial"));
  }

  private static Component field(String label, String value, String id) {
    Span text = new Span(value);
    text.setId(id);
    Div line = new Div(new Span(label + ": "), text);
    line.addClassName("padlock-field");
    return line;
  }

  private void retryNow() {
    retry.setEnabled(false);
    Background.run(
        executor,
        () -> {
          certificates.retryNow(caller, siteId);
          return siteId;
        },
        done -> {
          retry.setEnabled(true);
          Notices.info("Trying again now…");
          changed.run();
        },
        failure -> {
          retry.setEnabled(true);
          Notices.error(Notices.reason(failure));
        });
  }

  private static String tone(HttpsStatus status) {
    return switch (status) {
      case ISSUED -> "success";
      case FAILING -> "error";
      case RENEWING, ISSUING, PENDING -> "info";
      case NO_DOMAIN, REMOVED -> "contrast";
    };
  }
}
