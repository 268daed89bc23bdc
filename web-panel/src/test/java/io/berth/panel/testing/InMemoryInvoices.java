package io.berth.panel.testing;

import io.berth.persistence.billing.Invoice;
import io.berth.persistence.billing.InvoiceRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Invoices: Stripe's (upserted, final statuses kept) and those Berth opens for transfers. */
public class InMemoryInvoices extends InMemoryRepository<Invoice> implements InvoiceRepository {

  private static final Set<String> FINAL =
      Set.of(Invoice.PAID, Invoice.VOID, Invoice.UNCOLLECTIBLE);
  private static final Comparator<Invoice> NEWEST_FIRST =
      Comparator.comparing(Invoice::id).reversed();

  @Override
  protected Long idOf(Invoice i) {
    return i.id();
  }

  @Override
  protected Invoice withId(Invoice i, long id) {
    return new Invoice(
        id,
        i.subscriptionId(),
        i.customerId(),
        i.stripeInvoiceId(),
        i.number(),
        i.amountCents(),
        i.currency(),
        i.status(),
        i.hostedUrl(),
        i.pdfUrl(),
        i.periodStart(),
        i.periodEnd(),
        i.attemptCount(),
        i.paidAt(),
        i.paymentRef(),
        i.createdAt(),
        i.updatedAt());
  }

  @Override
  public List<Invoice> findByCustomerIdOrderByIdDesc(long customerId) {
    return where(i -> i.customerId() == customerId, NEWEST_FIRST);
  }

  @Override
  public List<Invoice> findBySubscriptionIdOrderByIdDesc(long subscriptionId) {
    return where(i -> i.subscriptionId() == subscriptionId, NEWEST_FIRST);
  }

  @Override
  public Optional<Invoice> findByStripeInvoiceId(String stripeInvoiceId) {
    return where(i -> stripeInvoiceId.equals(i.stripeInvoiceId())).stream().findFirst();
  }

  @Override
  public synchronized int upsertStripe(
      long subscriptionId,
      long customerId,
      String stripeInvoiceId,
      String number,
      long amountCents,
      String currency,
      String status,
      String hostedUrl,
      String pdfUrl,
      Instant periodStart,
      Instant periodEnd,
      int attemptCount) {
    Instant now = Instant.now();
    Invoice old = findByStripeInvoiceId(stripeInvoiceId).orElse(null);
    if (old == null) {
      save(
          new Invoice(
              null,
              subscriptionId,
              customerId,
              stripeInvoiceId,
              number,
              amountCents,
              currency,
              status,
              hostedUrl,
              pdfUrl,
              periodStart,
              periodEnd,
              attemptCount,
              Invoice.PAID.equals(status) ? now : null,
              null,
              now,
              now));
      return 1;
    }
    String kept = FINAL.contains(old.status()) ? old.status() : status;
    save(
        new Invoice(
            old.id(),
            old.subscriptionId(),
            old.customerId(),
            stripeInvoiceId,
            number != null ? number : old.number(),
            amountCents,
            old.currency(),
            kept,
            hostedUrl != null ? hostedUrl : old.hostedUrl(),
            pdfUrl != null ? pdfUrl : old.pdfUrl(),
            periodStart != null ? periodStart : old.periodStart(),
            periodEnd != null ? periodEnd : old.periodEnd(),
            Math.max(attemptCount, old.attemptCount()),
            !Invoice.PAID.equals(old.status()) && Invoice.PAID.equals(kept) ? now : old.paidAt(),
            old.paymentRef(),
            old.createdAt(),
            now));
    return 1;
  }

  @Override
  public synchronized int markPaid(long id, String ref) {
    Invoice old = findById(id).orElse(null);
    if (old == null || !Invoice.OPEN.equals(old.status())) {
      return 0;
    }
    Instant now = Instant.now();
    save(
        new Invoice(
            old.id(),
            old.subscriptionId(),
            old.customerId(),
            old.stripeInvoiceId(),
            old.number(),
            old.amountCents(),
            old.currency(),
            Invoice.PAID,
            old.hostedUrl(),
            old.pdfUrl(),
            old.periodStart(),
            old.periodEnd(),
            old.attemptCount(),
            now,
            ref,
            old.createdAt(),
            now));
    return 1;
  }

  /** A renewal invoice Berth opened for a bank transfer, as the subscription's activity does. */
  public Invoice openForTransfer(
      long subscriptionId,
      long customerId,
      long amountCents,
      Instant periodStart,
      Instant periodEnd) {
    Instant now = Instant.now();
    return save(
        new Invoice(
            null,
            subscriptionId,
            customerId,
            null,
            null,
            amountCents,
            "EUR",
            Invoice.OPEN,
            null,
            null,
            periodStart,
            periodEnd,
            0,
            null,
            null,
            now,
            now));
  }

  /** A Stripe invoice as the webhook stores it. */
  public Invoice addStripe(
      long subscriptionId,
      long customerId,
      String stripeInvoiceId,
      String number,
      long amountCents,
      String status) {
    upsertStripe(
        subscriptionId,
        customerId,
        stripeInvoiceId,
        number,
        amountCents,
        "EUR",
        status,
        "https://invoice.stripe.com/i/" + stripeInvoiceId,
        "https://pay.stripe.com/invoice/" + stripeInvoiceId + "/pdf",
        null,
        null,
        1);
    return findByStripeInvoiceId(stripeInvoiceId).orElseThrow();
  }
}
