package io.berth.panel.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.workflows.billing.BillingEventKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What Berth reads from Stripe's sessions, subscriptions and invoices, in both API versions. */
class StripeObjectsTest {

  @Test
  void aCheckoutSessionNamesItsOrderSubscriptionAndWhatStripeMade() {
    StripeCheckoutSession session =
        StripeCheckoutSession.from(StripeFixtures.event("checkout.session.completed").object());

    assertThat(session.id()).isEqualTo("cs_test_a1b2c3");
    assertThat(session.orderId()).isEqualTo(41L);
    assertThat(session.berthSubscriptionId()).isEqualTo(17L);
    assertThat(session.paid()).isTrue();
    assertThat(session.customer()).isEqualTo("cus_Qx1");
    assertThat(session.subscription()).isEqualTo("sub_1QxA");
    assertThat(session.invoiceRef()).isEqualTo("in_1QxFirst");
    assertThat(session.amountTotal()).isEqualTo(500);
    assertThat(session.currency()).isEqualTo("eur");
    assertThat(session.periodEnd()).isNull();
  }

  @Test
  void aCheckoutSessionFindsItsOrderInTheMetadataWithoutAReferenceAndReadsAnExpandedSubscription() {
    StripeCheckoutSession session =
        StripeCheckoutSession.from(
            object(
                """
                {"id":"cs_2","client_reference_id":null,"payment_status":"unpaid",
                 "metadata":{"berth_order_id":"52"},
                 "customer":{"id":"cus_2","object":"customer"},
                 "subscription":{"id":"sub_2","object":"subscription","current_period_end":1769904000}}
                """));

    assertThat(session.orderId()).isEqualTo(52L);
    assertThat(session.berthSubscriptionId()).isNull();
    assertThat(session.paid()).isFalse();
    assertThat(session.customer()).isEqualTo("cus_2");
    assertThat(session.subscription()).isEqualTo("sub_2");
    assertThat(session.invoiceRef()).isEqualTo("cs_2");
    assertThat(session.periodEnd()).isEqualTo(Instant.ofEpochSecond(1769904000));
  }

  @Test
  void aSessionWithoutBerthIdsNamesNoOrder() {
    StripeCheckoutSession session =
        StripeCheckoutSession.from(
            object(
                """
                {"id":"cs_3","client_reference_id":"someone-else","payment_status":"no_payment_required",
                 "metadata":{"berth_order_id":"-4"}}
                """));

    assertThat(session.orderId()).isNull();
    assertThat(session.paid()).isTrue();
  }

  @Test
  void aSubscriptionOfTheNewerApiHasItsPeriodEndOnItsItems() {
    StripeEvent event = StripeFixtures.event("customer.subscription.updated.basil");
    StripeSubscription subscription = StripeSubscription.from(event.object(), event.previous());

    assertThat(subscription.id()).isEqualTo("sub_1QxA");
    assertThat(subscription.berthSubscriptionId()).isEqualTo(17L);
    assertThat(subscription.currentPeriodEnd()).isEqualTo(Instant.ofEpochSecond(1769904000));
    assertThat(subscription.cancelAtPeriodEnd()).isTrue();
    assertThat(subscription.priceId()).isEqualTo("price_berth_business_month");
    assertThat(subscription.cancellationChange()).contains(BillingEventKind.CANCEL_AT_PERIOD_END);
  }

  @Test
  void aSubscriptionOfTheOlderApiHasItsPeriodEndOnItself() {
    StripeEvent event = StripeFixtures.event("customer.subscription.updated.2024");
    StripeSubscription subscription = StripeSubscription.from(event.object(), event.previous());

    assertThat(subscription.berthSubscriptionId()).isNull();
    assertThat(subscription.currentPeriodEnd()).isEqualTo(Instant.ofEpochSecond(1769904000));
    assertThat(subscription.priceId()).isEqualTo("price_legacy");
    assertThat(subscription.trialEnd()).isEqualTo(Instant.ofEpochSecond(1767830400));
    assertThat(subscription.cancellationChange()).contains(BillingEventKind.REACTIVATED);
  }

  @Test
  void anUpdateThatLeavesTheCancellationAloneChangesNothingAboutIt() {
    StripeSubscription subscription =
        StripeSubscription.from(
            object("{\"id\":\"sub_4\",\"cancel_at_period_end\":true}"),
            object("{\"cancel_at_period_end\":true}"));
    StripeSubscription noPrevious =
        StripeSubscription.from(
            object("{\"id\":\"sub_4\",\"cancel_at_period_end\":true}"), StripeObject.EMPTY);

    assertThat(subscription.cancellationChange()).isEmpty();
    assertThat(noPrevious.cancellationChange()).isEmpty();
  }

  @Test
  void anInvoiceOfTheNewerApiNamesItsSubscriptionUnderParent() {
    StripeInvoice invoice = StripeInvoice.from(StripeFixtures.event("invoice.paid.basil").object());

    assertThat(invoice.id()).isEqualTo("in_1QxRenewal");
    assertThat(invoice.berthSubscriptionId()).isEqualTo(17L);
    assertThat(invoice.stripeSubscriptionId()).isEqualTo("sub_1QxA");
    assertThat(invoice.number()).isEqualTo("BERTH-0002");
    assertThat(invoice.status()).isEqualTo("PAID");
    assertThat(invoice.amountDue()).isEqualTo(500);
    assertThat(invoice.amountPaid()).isEqualTo(500);
    assertThat(invoice.currency()).isEqualTo("eur");
    assertThat(invoice.hostedUrl()).startsWith("https://invoice.stripe.com/");
    assertThat(invoice.pdfUrl()).endsWith("/pdf");
    assertThat(invoice.periodStart()).isEqualTo(Instant.ofEpochSecond(1769904000));
    assertThat(invoice.periodEnd()).isEqualTo(Instant.ofEpochSecond(1772323200));
    assertThat(invoice.paidUpTo()).isEqualTo(Instant.ofEpochSecond(1772323200));
    assertThat(invoice.attemptCount()).isEqualTo(2);
  }

  @Test
  void anInvoiceOfTheOlderApiNamesItsSubscriptionInSubscriptionDetails() {
    StripeInvoice invoice =
        StripeInvoice.from(StripeFixtures.event("invoice.payment_failed.2024").object());

    assertThat(invoice.berthSubscriptionId()).isEqualTo(17L);
    assertThat(invoice.stripeSubscriptionId()).isEqualTo("sub_1QxA");
    assertThat(invoice.status()).isEqualTo("OPEN");
    assertThat(invoice.amountDue()).isEqualTo(2000);
    assertThat(invoice.amountPaid()).isZero();
    assertThat(invoice.number()).isNull();
    assertThat(invoice.pdfUrl()).isNull();
    assertThat(invoice.attemptCount()).isEqualTo(1);
  }

  @Test
  void anInvoiceWithoutLinesFallsBackToItsOwnPeriodButPaysUpToNothingKnown() {
    StripeInvoice invoice =
        StripeInvoice.from(
            object(
                """
                {"id":"in_5","status":"uncollectible","total":900,"currency":"usd",
                 "period_start":1767225600,"period_end":1769904000,"subscription":{"id":"sub_5"}}
                """));

    assertThat(invoice.status()).isEqualTo("UNCOLLECTIBLE");
    assertThat(invoice.amountDue()).isEqualTo(900);
    assertThat(invoice.amountPaid()).isZero();
    assertThat(invoice.stripeSubscriptionId()).isEqualTo("sub_5");
    assertThat(invoice.berthSubscriptionId()).isNull();
    assertThat(invoice.periodStart()).isEqualTo(Instant.ofEpochSecond(1767225600));
    assertThat(invoice.periodEnd()).isEqualTo(Instant.ofEpochSecond(1769904000));
    assertThat(invoice.paidUpTo()).isNull();
  }

  @Test
  void anInvoiceStatusBerthDoesNotKnowIsADraft() {
    assertThat(StripeInvoice.from(object("{\"id\":\"in_6\",\"status\":\"deleted\"}")).status())
        .isEqualTo("DRAFT");
    assertThat(StripeInvoice.from(object("{\"id\":\"in_7\"}")).status()).isEqualTo("DRAFT");
  }

  private static StripeObject object(String json) {
    try {
      return new StripeObject(StripeFixtures.JSON.readTree(json));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
