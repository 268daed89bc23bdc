package io.berth.activities.site;

import io.berth.workflows.billing.BillingEvent;
import io.berth.workflows.billing.BillingNotice;
import io.berth.workflows.billing.BillingNoticeActivities;
import java.util.ArrayList;
import java.util.List;

/**
 * The subscription's e-mails, noted instead of sent: the journeys here are about containers and
 * routes; the e-mails themselves are proven against the real mail server elsewhere.
 */
final class RecordedNotices implements BillingNoticeActivities {

  private final List<BillingNotice> sent = new ArrayList<>();

  @Override
  public synchronized void send(
      long subscriptionId, BillingNotice notice, String key, BillingEvent event) {
    sent.add(notice);
  }

  synchronized List<BillingNotice> sent() {
    return List.copyOf(sent);
  }
}
