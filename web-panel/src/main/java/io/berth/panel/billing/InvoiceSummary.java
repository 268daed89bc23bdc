package io.berth.panel.billing;

import java.time.Instant;

/**
 * One invoice as the Billing page and the API show it.
 *
 * @param number Stripe's invoice number, or the transfer reference of one Berth opened
 * @param status DRAFT, OPEN, PAID, VOID or UNCOLLECTIBLE
 * @param hostedUrl Stripe's page of the invoice; null for a bank-transfer invoice
 * @param pdfUrl Stripe's PDF of the invoice; null for a bank-transfer invoice
 * @param bankTransfer opened by Berth, paid by transfer and confirmed by support
 * @param transferReference what to quote on the transfer while a bank-transfer invoice is open
 */
public record InvoiceSummary(
    long id,
    long subscriptionId,
    String number,
    Instant date,
    long amountCents,
    String currency,
    String amount,
    String status,
    String hostedUrl,
    String pdfUrl,
    boolean bankTransfer,
    String transferReference,
    Instant periodStart,
    Instant periodEnd,
    Instant paidAt) {}
