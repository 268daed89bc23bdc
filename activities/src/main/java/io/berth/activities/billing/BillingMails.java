package io.berth.activities.billing;

import io.berth.workflows.billing.BillingNotice;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The words of each {@link BillingNotice}: a subject and a short plain-text body a customer
 * understands, dates in UTC, a link to the billing page. Nothing secret goes in: no keys, no
 * passwords, no card details.
 */
final class BillingMails {

  static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private static final String SIGNATURE = "\n-- \nBerth billing\n";

  private BillingMails() {}

  static BillingMail compose(String to, BillingNotice notice, String key, NoticeFacts facts) {
    String messageKey = facts.subscriptionId() + "/" + notice + "/" + key;
    return new BillingMail(to, subject(notice, facts), body(notice, facts), messageKey);
  }

  static String subject(BillingNotice notice, NoticeFacts f) {
    return switch (notice) {
      case RECEIPT -> "Payment received: " + f.amount() + " for your " + f.planName() + " plan";
      case PAYMENT_FAILED -> "Payment failed for your " + f.planName() + " plan";
      case RENEWAL_UPCOMING ->
          "Your " + f.planName() + " plan renews" + on(f.periodEnd()) + ": " + f.amount();
      case TRIAL_ENDING -> "Your free trial ends" + on(f.periodEnd());
      case SUSPENDED -> "Your sites are suspended until your plan is paid";
      case RESUMED -> "Your sites are back online";
      case CANCELLED -> "Your " + f.planName() + " plan is cancelled";
      case TERMINATED -> "Your " + f.planName() + " plan has ended and its data was removed";
    };
  }

  static String body(BillingNotice notice, NoticeFacts f) {
    String text =
        switch (notice) {
          case RECEIPT ->
              "Thank you: we received your payment of "
                  + f.amount()
                  + " for your "
                  + f.planName()
                  + " plan"
                  + invoice(f)
                  + ".\n"
                  + (f.periodEnd() != null
                      ? "Your plan is paid up to " + date(f.periodEnd()) + ".\n"
                      : "");
          case PAYMENT_FAILED ->
              "We could not collect "
                  + f.amount()
                  + " for your "
                  + f.planName()
                  + " plan"
                  + invoice(f)
                  + ".\n"
                  + (f.nextStepAt() != null
                      ? "Your sites keep running until "
                          + date(f.nextStepAt())
                          + "; if the payment has not arrived by then, they will be suspended.\n"
                      : "Your sites keep running for now.\n")
                  + "Please pay the invoice or update your payment method.\n";
          case RENEWAL_UPCOMING ->
              "Your "
                  + f.planName()
                  + " plan renews"
                  + on(f.periodEnd())
                  + " for "
                  + f.amount()
                  + ".\n"
                  + (f.bankTransfer()
                      ? "Please transfer the amount"
                          + (f.invoiceRef() != null ? ", quoting " + f.invoiceRef() : "")
                          + ", before that date.\n"
                      : "Nothing to do: we will charge your payment method.\n");
          case TRIAL_ENDING ->
              "Your free trial ends"
                  + on(f.periodEnd())
                  + ". To keep your sites running, choose a paid plan before then.\n";
          case SUSPENDED ->
              "Your sites are suspended because your plan is not paid up: they show a \"suspended\""
                  + " page and incoming mail is turned away for now (senders' servers keep trying for a few"
                  + " days). All your data is kept.\n"
                  + "Pay the open invoice (or choose a paid plan after a trial) and everything comes back"
                  + " within seconds.\n"
                  + (f.nextStepAt() != null
                      ? "If it is still unpaid on "
                          + date(f.nextStepAt())
                          + ", your sites, databases and mailboxes will be removed.\n"
                      : "");
          case RESUMED ->
              "Thank you: your payment arrived and your sites are back online. Mail is accepted"
                  + " again.\n";
          case CANCELLED ->
              "Your "
                  + f.planName()
                  + " plan is cancelled and its sites are stopped. Your data is kept"
                  + (f.nextStepAt() != null
                      ? " until " + date(f.nextStepAt()) + ", then removed.\n"
                      : " for now.\n");
          case TERMINATED ->
              "Your "
                  + f.planName()
                  + " plan has ended: its sites, databases and mailboxes were removed.\n"
                  + "Thank you for hosting with us.\n";
        };
    return text + "\nYour plan, invoices and payment method: " + f.billingUrl() + "\n" + SIGNATURE;
  }

  /** "12 March 2026 (UTC)". */
  static String date(Instant instant) {
    return DATE.format(instant) + " (UTC)";
  }

  private static String on(Instant instant) {
    return instant != null ? " on " + date(instant) : " soon";
  }

  private static String invoice(NoticeFacts f) {
    return f.invoiceRef() != null ? " (invoice " + f.invoiceRef() + ")" : "";
  }
}
