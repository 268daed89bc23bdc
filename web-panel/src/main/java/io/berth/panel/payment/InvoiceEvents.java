package io.berth.panel.payment;

import io.berth.persistence.billing.Invoice;
import io.berth.persistence.billing.InvoiceRepository;
import io.berth.persistence.billing.Subscription;
import io.berth.persistence.plan.Plan;
import io.berth.persistence.plan.PlanRepository;
import io.berth.workflows.billing.BillingEvent;
import io.berth.workflows.billing.BillingEventKind;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Stripe invoices of a subscription: each event refreshes the invoice the customer sees (a final
 * status never goes back, whatever order the events come in); a payment or a failed payment is
 * reported to the subscription's workflow, which drives dunning; an upcoming renewal triggers the
 * reminder.
 */
@Component
class InvoiceEvents implements StripeEventHandler {

  static final String CREATED = "invoice.created";
  static final String FINALIZED = "invoice.finalized";
  static final String UPDATED = "invoice.updated";
  static final String SENT = "invoice.sent";
  static final String PAID = "invoice.paid";
  static final String PAYMENT_SUCCEEDED = "invoice.payment_succeeded";
  static final String PAYMENT_FAILED = "invoice.payment_failed";
  static final String VOIDED = "invoice.voided";
  static final String MARKED_UNCOLLECTIBLE = "invoice.marked_uncollectible";
  static final String UPCOMING = "invoice.upcoming";

  /** The status an event type fixes, whatever the object says; other types take the object's. */
  private static final Map<String, String> STATUS_OF_TYPE =
      Map.of(
          PAID, Invoice.PAID,
          PAYMENT_SUCCEEDED, Invoice.PAID,
          PAYMENT_FAILED, Invoice.OPEN,
          VOIDED, Invoice.VOID,
          MARKED_UNCOLLECTIBLE, Invoice.UNCOLLECTIBLE);

  private final InvoiceRepository invoices;
  private final PlanRepository plans;
  private final SubscriptionLookup lookup;
  private final PaymentSignals signals;

  InvoiceEvents(
      InvoiceRepository invoices,
      PlanRepository plans,
      SubscriptionLookup lookup,
      PaymentSignals signals) {
    this.invoices = invoices;
    this.plans = plans;
    this.lookup = lookup;
    this.signals = signals;
  }

  @Override
  public Set<String> types() {
    return Set.of(
        CREATED,
        FINALIZED,
        UPDATED,
        SENT,
        PAID,
        PAYMENT_SUCCEEDED,
        PAYMENT_FAILED,
        VOIDED,
        MARKED_UNCOLLECTIBLE,
        UPCOMING);
  }

  @Override
  public Outcome handle(StripeEvent event) {
    StripeInvoice invoice = StripeInvoice.from(event.object());
    Optional<Subscription> found =
        lookup.find(invoice.berthSubscriptionId(), invoice.stripeSubscriptionId());
    if (found.isEmpty()) {
      return Outcome.NOT_MAPPED;
    }
    Subscription subscription = found.get();
    if (event.type().equals(UPCOMING)) {
      // A preview: it has no id and gets no row, only the reminder.
      tell(
          subscription,
          event,
          invoice,
          BillingEventKind.RENEWAL_UPCOMING,
          null,
          invoice.amountDue());
      return Outcome.APPLIED;
    }
    if (invoice.id() == null) {
      return Outcome.NOT_MAPPED;
    }
    String status = STATUS_OF_TYPE.getOrDefault(event.type(), invoice.status());
    invoices.upsertStripe(
        subscription.id(),
        subscription.customerId(),
        invoice.id(),
        invoice.number(),
        status.equals(Invoice.PAID) ? invoice.amountPaid() : invoice.amountDue(),
        currencyOf(invoice, subscription),
        status,
        invoice.hostedUrl(),
        invoice.pdfUrl(),
        invoice.periodStart(),
        invoice.periodEnd(),
        invoice.attemptCount());
    switch (event.type()) {
      case PAID, PAYMENT_SUCCEEDED ->
          tell(
              subscription,
              event,
              invoice,
              BillingEventKind.PAID,
              invoice.paidUpTo(),
              invoice.amountPaid());
      case PAYMENT_FAILED ->
          tell(
              subscription,
              event,
              invoice,
              BillingEventKind.PAYMENT_FAILED,
              null,
              invoice.amountDue());
      default -> {
        // The invoice row is all these change.
      }
    }
    return Outcome.APPLIED;
  }

  private void tell(
      Subscription subscription,
      StripeEvent event,
      StripeInvoice invoice,
      BillingEventKind kind,
      Instant periodEnd,
      long amountCents) {
    signals.billingEvent(
        subscription.id(),
        new BillingEvent(
            event.id(),
            kind,
            event.occurredAtMillis(),
            invoice.id(),
            periodEnd != null ? periodEnd.toEpochMilli() : null,
            amountCents,
            invoice.currency()));
  }

  /** Stripe's currency in upper case (as plans store it); the plan's if the invoice has none. */
  private String currencyOf(StripeInvoice invoice, Subscription subscription) {
    String currency = invoice.currency();
    if (currency == null) {
      currency = plans.findById(subscription.planId()).map(Plan::currency).orElseThrow();
    }
    return currency.toUpperCase(Locale.ROOT);
  }
}
