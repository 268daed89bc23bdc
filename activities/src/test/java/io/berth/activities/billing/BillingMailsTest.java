package io.berth.activities.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.workflows.billing.BillingNotice;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BillingMailsTest {

  private static final String BILLING = "https://panel.example/billing";
  private static final Instant PAID_UP = Instant.parse("2026-04-15T23:30:00Z");
  private static final Instant NEXT_STEP = Instant.parse("2026-04-22T01:00:00Z");

  @ParameterizedTest
  @EnumSource(BillingNotice.class)
  void everyNotice_hasASubject_aBodyAndTheBillingLink(BillingNotice notice) {
    BillingMail mail = BillingMails.compose("owner@shop.test", notice, "evt_1", card());

    assertThat(mail.to()).isEqualTo("owner@shop.test");
    assertThat(mail.subject()).isNotBlank().doesNotContain("null");
    assertThat(mail.body())
        .contains("Your plan, invoices and payment method: " + BILLING)
        .doesNotContain("null");
    assertThat(mail.messageKey()).isEqualTo("9/" + notice + "/evt_1");
  }

  @ParameterizedTest
  @EnumSource(BillingNotice.class)
  void everyNotice_readsWell_withNothingKnownButThePlan(BillingNotice notice) {
    NoticeFacts bare = new NoticeFacts(9, "Starter", "5.00 EUR", null, null, null, false, BILLING);

    BillingMail mail = BillingMails.compose("owner@shop.test", notice, "k", bare);

    assertThat(mail.subject() + mail.body()).doesNotContain("null").doesNotContain("()");
  }

  @Test
  void aReceipt_saysTheAmount_theInvoice_andThePaidUpDateInUtc() {
    BillingMail mail = BillingMails.compose("owner@shop.test", BillingNotice.RECEIPT, "k", card());

    assertThat(mail.subject()).isEqualTo("Payment received: 5.00 EUR for your Starter plan");
    assertThat(mail.body())
        .startsWith(
            "Thank you: we received your payment of 5.00 EUR for your Starter plan"
                + " (invoice in_123).\n")
        .contains("Your plan is paid up to 15 April 2026 (UTC).");
  }

  @Test
  void aFailedPayment_saysWhenTheSitesWillBeSuspended() {
    BillingMail mail =
        BillingMails.compose("owner@shop.test", BillingNotice.PAYMENT_FAILED, "k", card());

    assertThat(mail.body())
        .contains("We could not collect 5.00 EUR")
        .contains("Your sites keep running until 22 April 2026 (UTC)");
  }

  @Test
  void aBankTransferRenewal_asksForTheTransfer_quotingTheInvoice() {
    NoticeFacts bank =
        new NoticeFacts(9, "Starter", "5.00 EUR", PAID_UP, null, "berth-77", true, BILLING);

    BillingMail mail =
        BillingMails.compose("owner@shop.test", BillingNotice.RENEWAL_UPCOMING, "k", bank);

    assertThat(mail.subject())
        .isEqualTo("Your Starter plan renews on 15 April 2026 (UTC): 5.00 EUR");
    assertThat(mail.body())
        .contains("Please transfer the amount, quoting berth-77, before that date.");
  }

  @Test
  void aSuspension_saysTheDataIsKept_andWhenItWouldBeRemoved() {
    BillingMail mail =
        BillingMails.compose("owner@shop.test", BillingNotice.SUSPENDED, "k", card());

    assertThat(mail.body())
        .contains("All your data is kept.")
        .contains("If it is still unpaid on 22 April 2026 (UTC)");
  }

  private static NoticeFacts card() {
    return new NoticeFacts(9, "Starter", "5.00 EUR", PAID_UP, NEXT_STEP, "in_123", false, BILLING);
  }
}
