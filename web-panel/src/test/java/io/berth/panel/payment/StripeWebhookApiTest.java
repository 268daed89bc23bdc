package io.berth.panel.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.panel.common.ServiceUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StripeWebhookApiTest {

  @Test
  void withoutAWebhookSecretTheEndpointActsOnNothingAndSaysWhatToSet() {
    StripeWebhookProperties off =
        new StripeWebhookProperties("", Duration.ofSeconds(300), Duration.ofSeconds(10));
    // No intake at all: reaching it would fail the test.
    StripeWebhookApi api =
        new StripeWebhookApi(
            off, new StripeSignatureCheck(off, Clock.systemUTC()), null, StripeFixtures.JSON);
    String payload = StripeFixtures.payload("checkout.session.completed");

    assertThatThrownBy(
            () ->
                api.receive(
                    StripeSignatures.header(payload, StripeSignatures.SECRET, 1767225600),
                    payload.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ServiceUnavailableException.class)
        .hasMessageStartingWith("Stripe webhooks are not configured");
  }

  @Test
  void thePropertiesNeverPrintTheSecret() {
    StripeWebhookProperties on =
        new StripeWebhookProperties(
            StripeSignatures.SECRET, Duration.ofSeconds(300), Duration.ofSeconds(10));

    assertThat(on.toString()).doesNotContain(StripeSignatures.SECRET).contains("(set)");
    assertThat(on.configured()).isTrue();
  }

  @Test
  void atLeastTwentyEventTypesAreKnownEachToOneHandler() {
    StripeEventIntake intake = new StripeEventIntake(null, handlers());

    assertThat(intake.knownTypes())
        .hasSizeGreaterThanOrEqualTo(20)
        .contains(
            "checkout.session.completed",
            "checkout.session.expired",
            "customer.subscription.updated",
            "customer.subscription.deleted",
            "invoice.paid",
            "invoice.payment_failed",
            "invoice.upcoming",
            "charge.refunded",
            "charge.dispute.created",
            "payment_intent.succeeded");
  }

  @Test
  void twoHandlersForOneTypeAreAMistakeFoundAtStartUp() {
    List<StripeEventHandler> twice = List.of(new RecordedOnlyEvents(), new RecordedOnlyEvents());

    assertThatThrownBy(() -> new StripeEventIntake(null, twice))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Two handlers for Stripe event type");
  }

  private static List<StripeEventHandler> handlers() {
    return List.of(
        new CheckoutSessionEvents(null, null, null, null, null, null),
        new SubscriptionEvents(null, null, null, null),
        new InvoiceEvents(null, null, null, null),
        new ChargeEvents(null, null, null),
        new RecordedOnlyEvents());
  }
}
