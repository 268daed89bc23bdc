package io.berth.persistence.billing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface InvoiceRepository extends ListCrudRepository<Invoice, Long> {

  List<Invoice> findByCustomerIdOrderByIdDesc(long customerId);

  List<Invoice> findBySubscriptionIdOrderByIdDesc(long subscriptionId);

  Optional<Invoice> findByStripeInvoiceId(String stripeInvoiceId);

  /**
   * Inserts or refreshes a Stripe invoice. A final status (PAID, VOID, UNCOLLECTIBLE) is never
   * turned back into DRAFT or OPEN by a late event; the attempt count only grows.
   */
  @Modifying
  @Query(
      """
      INSERT INTO invoice (subscription_id, customer_id, stripe_invoice_id, number, amount_cents,
                           currency, status, hosted_url, pdf_url, period_start, period_end,
                           attempt_count, paid_at)
      VALUES (:subscriptionId, :customerId, :stripeInvoiceId, :number, :amountCents, :currency,
              :status, :hostedUrl, :pdfUrl, :periodStart, :periodEnd, :attemptCount,
              CASE WHEN :status = 'PAID' THEN now() END)
      ON CONFLICT (stripe_invoice_id) DO UPDATE SET
          number = COALESCE(EXCLUDED.number, invoice.number),
          amount_cents = EXCLUDED.amount_cents,
          hosted_url = COALESCE(EXCLUDED.hosted_url, invoice.hosted_url),
          pdf_url = COALESCE(EXCLUDED.pdf_url, invoice.pdf_url),
          period_start = COALESCE(EXCLUDED.period_start, invoice.period_start),
          period_end = COALESCE(EXCLUDED.period_end, invoice.period_end),
          attempt_count = GREATEST(EXCLUDED.attempt_count, invoice.attempt_count),
          status = CASE WHEN invoice.status IN ('PAID', 'VOID', 'UNCOLLECTIBLE')
                        THEN invoice.status ELSE EXCLUDED.status END,
          paid_at = CASE WHEN invoice.status <> 'PAID' AND EXCLUDED.status = 'PAID' THEN now()
                         ELSE invoice.paid_at END,
          updated_at = now()
      """)
  int upsertStripe(
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
      int attemptCount);

  /** Support confirms a bank transfer; once only (answers 0 if it was not open). */
  @Modifying
  @Query(
      """
      UPDATE invoice SET status = 'PAID', paid_at = now(), payment_ref = :ref, updated_at = now()
       WHERE id = :id AND status = 'OPEN'
      """)
  int markPaid(long id, String ref);
}
