package io.berth.activities.billing;

import java.time.Instant;

/**
 * What a billing e-mail says, gathered from the subscription's row, its plan and the payment event.
 *
 * @param amount formatted, e.g. {@code 5.00 EUR}
 * @param periodEnd the end of the paid-up period (or trial), or null when unknown
 * @param nextStepAt when a PAST_DUE subscription is suspended, or a SUSPENDED or CANCELLED one
 *     removed; null when nothing is scheduled
 * @param invoiceRef the invoice the notice is about, or null
 * @param bankTransfer the customer pays by bank transfer (and quotes the invoice)
 * @param billingUrl the panel's billing page
 */
record NoticeFacts(
    long subscriptionId,
    String planName,
    String amount,
    Instant periodEnd,
    Instant nextStepAt,
    String invoiceRef,
    boolean bankTransfer,
    String billingUrl) {}
