package io.berth.persistence.billing;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One bill of a subscription: from Stripe (kept in step by webhooks) or opened by Berth for a bank
 * transfer ({@code stripeInvoiceId} null). {@code status} is DRAFT, OPEN, PAID, VOID or
 * UNCOLLECTIBLE.
 */
@Table("invoice")
public record Invoice(
    @Id Long id,
    Long subscriptionId,
    Long customerId,
    String stripeInvoiceId,
    String number,
    long amountCents,
    String currency,
    String status,
    String hostedUrl,
    String pdfUrl,
    Instant periodStart,
    Instant periodEnd,
    int attemptCount,
    Instant paidAt,
    String paymentRef,
    Instant createdAt,
    Instant updatedAt) {

  public static final String DRAFT = "DRAFT";
  public static final String OPEN = "OPEN";
  public static final String PAID = "PAID";
  public static final String VOID = "VOID";
  public static final String UNCOLLECTIBLE = "UNCOLLECTIBLE";

  /** The ref a workflow and the e-mails know it by: Stripe's id, or {@code berth-<id>}. */
  public String ref() {
    return stripeInvoiceId != null ? stripeInvoiceId : "berth-" + id;
  }
}
