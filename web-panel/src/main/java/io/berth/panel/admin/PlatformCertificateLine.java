package io.berth.panel.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.berth.panel.certificate.CertificateDetails;
import io.berth.panel.certificate.CertificateService;
import io.berth.panel.certificate.HttpsFormat;
import io.berth.panel.common.Caller;
import io.berth.panel.common.UserFacingException;
import io.berth.panel.ui.Notices;

/**
 * Support: the platform's wildcard certificate ({@code cert-platform}), which covers every site's
 * platform hostname: its status, expiry and next renewal, why it fails, a retry, and its workflow
 * in the Temporal UI.
 */
class PlatformCertificateLine extends Div {

  private final CertificateService certificates;
  private final Caller caller;
  private final Span text = new Span();
  private final Button retry = new Button("Retry now", e -> retry());

  PlatformCertificateLine(CertificateService certificates, Caller caller, String workflowUrl) {
    this.certificates = certificates;
    this.caller = caller;
    setId("platform-certificate");
    addClassName("https-line");
    text.setId("platform-certificate-status");
    retry.setId("platform-certificate-retry");
    retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
    add(text, retry, new Anchor(workflowUrl, "Certificate workflow", AnchorTarget.BLANK));
    show(certificates.platform());
  }

  private void show(CertificateDetails details) {
    StringBuilder line =
        new StringBuilder("Platform certificate: ").append(HttpsFormat.status(details.status()));
    if (details.installed() != null) {
      line.append(" · ")
          .append(String.join(", ", details.installed().names()))
          .append(" · valid until ")
          .append(HttpsFormat.when(details.installed().notAfter()))
          .append(" · next renewal ")
          .append(HttpsFormat.when(details.installed().renewsAt()));
    }
    if (details.failing()) {
      line.append(" · ").append(HttpsFormat.warning(details));
    }
    if (!details.progressAvailable()) {
      line.append(" · its workflow could not be asked");
    }
    text.setText(line.toString());
    retry.setVisible(details.failing() && details.workflowRunning());
  }

  private void retry() {
    try {
      certificates.retryPlatform(caller);
      Notices.info("The platform certificate is tried again now.");
    } catch (UserFacingException e) {
      Notices.error(e.getMessage());
    }
    show(certificates.platform());
  }
}
