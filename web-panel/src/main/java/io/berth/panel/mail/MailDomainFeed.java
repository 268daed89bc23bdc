package io.berth.panel.mail;

import io.berth.panel.ui.LiveFeed;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Live mail domain pages: one poller per watched mail domain, pushed to every page showing it. */
@Component
class MailDomainFeed extends LiveFeed<MailDomainDetails> {

  MailDomainFeed(
      MailDomainService mailDomains,
      @Value("${berth.panel.progress-interval:500ms}") Duration interval) {
    super("maildomain", mailDomains::snapshot, interval);
  }

  int watchedMailDomains() {
    return watched();
  }
}
