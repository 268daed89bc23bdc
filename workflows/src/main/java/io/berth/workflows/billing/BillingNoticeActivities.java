package io.berth.workflows.billing;

import io.temporal.activity.ActivityInterface;

/** The e-mails of a subscription, on {@code berth-control}. */
@ActivityInterface
public interface BillingNoticeActivities {

  /**
   * Sends the notice to the customer's address over SMTP, once per ({@code subscriptionId}, {@code
   * notice}, {@code key}): a retry after a crash does not send it again.
   *
   * @param key what the notice is about: an event or invoice id, or a period
   * @param event the payment fact behind it (amount, period), or null
   */
  void send(long subscriptionId, BillingNotice notice, String key, BillingEvent event);
}
