package io.berth.panel.certificate;

import io.berth.panel.ui.LiveFeed;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Live HTTPS sections: one poller per watched site, pushed to every page showing it. */
@Component
public class CertificateFeed extends LiveFeed<CertificateDetails> {

  CertificateFeed(
      CertificateService certificates,
      @Value("${berth.panel.progress-interval:500ms}") Duration interval) {
    super("certificate", certificates::snapshot, interval);
  }
}
