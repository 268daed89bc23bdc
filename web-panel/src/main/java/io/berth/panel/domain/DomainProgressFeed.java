package io.berth.panel.domain;

import io.berth.panel.ui.LiveFeed;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Live domain pages: one poller per watched domain, pushed to every page showing it. */
@Component
class DomainProgressFeed extends LiveFeed<DomainDetails> {

  DomainProgressFeed(
      DomainService domains, @Value("${berth.panel.progress-interval:500ms}") Duration interval) {
    super("domain", domains::snapshot, interval);
  }

  int watchedDomains() {
    return watched();
  }
}
