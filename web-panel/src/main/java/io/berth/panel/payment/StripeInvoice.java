package io.berth.panel.payment;

import io.berth.persistence.billing.Invoice;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * What Berth reads from a Stripe invoice: the subscription it bills (Berth's id from the
 * subscription's metadata, which older API versions copy into {@code subscription_details} and
 * newer ones into {@code parent.subscription_details}; else Stripe's subscription id), and what the
 * customer's invoice list shows.
 *
 * @param status Berth's status for Stripe's ({@code draft} → DRAFT, …); DRAFT when unknown
 * @param periodStart start of the billed period: the first line's, else the invoice's own
 * @param periodEnd end of the billed period: the first line's, else the invoice's own
 * @param currency as Stripe sends it (lower case); null if absent
 * @param paidUpTo the end of the first line's period only: what paying this invoice pays up to (the
 *     invoice's own {@code period_end} is the previous period's for a renewal)
 */
record StripeInvoice(
    String id,
    Long berthSubscriptionId,
    String stripeSubscriptionId,
    String number,
    String status,
    long amountDue,
    long amountPaid,
    String currency,
    String hostedUrl,
    String pdfUrl,
    Instant periodStart,
    Instant periodEnd,
    int attemptCount,
    Instant paidUpTo) {

  private static final Set<String> STATUSES =
      Set.of(Invoice.DRAFT, Invoice.OPEN, Invoice.PAID, Invoice.VOID, Invoice.UNCOLLECTIBLE);

  static StripeInvoice from(StripeObject invoice) {
    StripeObject details = invoice.at("subscription_details");
    StripeObject parentDetails = invoice.at("parent", "subscription_details");
    Long berthId = details.berthId(SubscriptionLookup.BERTH_SUBSCRIPTION_ID);
    String stripeSubscription = invoice.ref("subscription");
    StripeObject linePeriod = invoice.firstOf("lines").at("period");
    Long due = invoice.number("amount_due");
    long amountDue = due != null ? due : invoice.numberOr("total", 0);
    Long paid = invoice.number("amount_paid");
    String status = statusOf(invoice.text("status"));
    return new StripeInvoice(
        invoice.id(),
        berthId != null ? berthId : parentDetails.berthId(SubscriptionLookup.BERTH_SUBSCRIPTION_ID),
        stripeSubscription != null ? stripeSubscription : parentDetails.ref("subscription"),
        invoice.text("number"),
        status,
        amountDue,
        paid != null ? paid : status.equals(Invoice.PAID) ? amountDue : 0,
        invoice.text("currency"),
        invoice.text("hosted_invoice_url"),
        invoice.text("invoice_pdf"),
        firstNonNull(linePeriod.instant("start"), invoice.instant("period_start")),
        firstNonNull(linePeriod.instant("end"), invoice.instant("period_end")),
        (int) invoice.numberOr("attempt_count", 0),
        linePeriod.instant("end"));
  }

  private static String statusOf(String stripeStatus) {
    String status = stripeStatus == null ? Invoice.DRAFT : stripeStatus.toUpperCase(Locale.ROOT);
    return STATUSES.contains(status) ? status : Invoice.DRAFT;
  }

  private static Instant firstNonNull(Instant first, Instant second) {
    return first != null ? first : second;
  }
}
