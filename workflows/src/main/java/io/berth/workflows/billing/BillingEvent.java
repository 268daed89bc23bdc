package io.berth.workflows.billing;

/**
 * One fact about a subscription, signalled by the webhook endpoint or by support. Events may arrive
 * twice or out of order: the workflow acts on an event id once, and ignores a status-changing event
 * older than the newest it applied.
 *
 * @param id the gateway's event id, or a business key for events support makes ({@code
 *     invoice-<id>:paid})
 * @param occurredAtMillis when it happened at the gateway (epoch milliseconds)
 * @param invoiceRef the gateway's (or Berth's) invoice id, for payment events; else null
 * @param periodEndMillis the end of the paid-up period (epoch milliseconds), when the event says
 * @param amountCents the amount paid or due, for the e-mails; 0 when unknown
 * @param currency ISO code of {@code amountCents}, lower or upper case; null when unknown
 */
public record BillingEvent(
    String id,
    BillingEventKind kind,
    long occurredAtMillis,
    String invoiceRef,
    Long periodEndMillis,
    long amountCents,
    String currency) {

  public boolean changesStatus() {
    return kind != BillingEventKind.RENEWAL_UPCOMING && kind != BillingEventKind.TRIAL_ENDING;
  }
}
