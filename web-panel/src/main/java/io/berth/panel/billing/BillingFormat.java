package io.berth.panel.billing;

import io.berth.persistence.billing.Invoice;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Subscriptions and invoices in the words a customer reads. */
public final class BillingFormat {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK).withZone(ZoneId.systemDefault());

  private BillingFormat() {}

  /** "12 Dec 2026", or "a date not known yet". */
  public static String day(Instant when) {
    return when == null ? "a date not known yet" : DAY.format(when);
  }

  /**
   * Where the subscription stands: "Active", "Trial until 12 Dec 2026", "Payment overdue — suspends
   * on …", "Suspended — removed on …", "Cancelled", "Ends on … (cancel at period end)", …
   */
  public static String status(SubscriptionSummary subscription) {
    return switch (subscription.status()) {
      case INCOMPLETE -> "Awaiting payment";
      case TRIALING ->
          subscription.cancelAtPeriodEnd()
              ? "Trial ends on " + day(subscription.periodEnd()) + " (cancelled)"
              : "Trial until " + day(subscription.periodEnd());
      case ACTIVE ->
          subscription.cancelAtPeriodEnd()
              ? "Ends on " + day(subscription.periodEnd()) + " (cancel at period end)"
              : "Active";
      case PAST_DUE -> "Payment overdue — suspends on " + day(subscription.nextStepAt());
      case SUSPENDED -> "Suspended — removed on " + day(subscription.nextStepAt());
      case CANCELLED ->
          subscription.nextStepAt() == null
              ? "Cancelled"
              : "Cancelled — removed on " + day(subscription.nextStepAt());
      case TERMINATED -> "Ended";
    };
  }

  /** The badge's colour: success, info, warning, error or contrast. */
  public static String tone(SubscriptionSummary subscription) {
    return switch (subscription.status()) {
      case ACTIVE -> subscription.cancelAtPeriodEnd() ? "warning" : "success";
      case TRIALING, INCOMPLETE -> "info";
      case PAST_DUE -> "warning";
      case SUSPENDED -> "error";
      case CANCELLED, TERMINATED -> "contrast";
    };
  }

  /** "Paid", "Open", … */
  public static String invoiceStatus(String status) {
    return switch (status) {
      case Invoice.DRAFT -> "Draft";
      case Invoice.OPEN -> "Open";
      case Invoice.PAID -> "Paid";
      case Invoice.VOID -> "Void";
      case Invoice.UNCOLLECTIBLE -> "Uncollectible";
      default -> status;
    };
  }
}
