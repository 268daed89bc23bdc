package io.berth.panel.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.panel.common.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StripeSignatureCheckTest {

  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  static final long NOW_SECONDS = NOW.getEpochSecond();

  final String payload = StripeFixtures.payload("checkout.session.completed");
  final StripeSignatureCheck check =
      new StripeSignatureCheck(
          new StripeWebhookProperties(
              StripeSignatures.SECRET, Duration.ofSeconds(300), Duration.ofSeconds(10)),
          Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aDeliverySignedWithTheSecretJustNowPasses() {
    String header = StripeSignatures.header(payload, StripeSignatures.SECRET, NOW_SECONDS);

    assertThatCode(() -> check.verify(payload, header)).doesNotThrowAnyException();
  }

  @Test
  void aDeliveryAsOldAsTheToleranceStillPasses() {
    String header = StripeSignatures.header(payload, StripeSignatures.SECRET, NOW_SECONDS - 300);

    assertThatCode(() -> check.verify(payload, header)).doesNotThrowAnyException();
  }

  @Test
  void oneOfSeveralSignaturesMatchingIsEnough_asDuringASecretRoll() {
    String header =
        StripeSignatures.header(payload, StripeSignatures.SECRET, NOW_SECONDS)
            + ",v1="
            + StripeSignatures.hmac(StripeSignatures.OTHER_SECRET, NOW_SECONDS + "." + payload);

    assertThatCode(() -> check.verify(payload, header)).doesNotThrowAnyException();
  }

  @Test
  void aBodyChangedByOneByteIsRefused() {
    String header = StripeSignatures.header(payload, StripeSignatures.SECRET, NOW_SECONDS);
    String altered = payload.replace("\"amount_total\": 500", "\"amount_total\": 501");
    assertThat(altered).isNotEqualTo(payload).hasSameSizeAs(payload);

    assertRefused(altered, header, "No signatures found matching the expected signature");
  }

  @Test
  void aDeliverySignedWithAnotherSecretIsRefused() {
    String header = StripeSignatures.header(payload, StripeSignatures.OTHER_SECRET, NOW_SECONDS);

    assertRefused(payload, header, "No signatures found matching the expected signature");
  }

  @Test
  void aDeliveryOlderThanTheToleranceIsRefusedAsAReplay() {
    String header = StripeSignatures.header(payload, StripeSignatures.SECRET, NOW_SECONDS - 301);

    assertRefused(payload, header, "Timestamp outside the tolerance zone");
  }

  @Test
  void aMissingOrMalformedHeaderIsRefused() {
    assertRefused(payload, null, "header is missing");
    assertRefused(payload, " ", "header is missing");
    assertRefused(payload, "v1=abc", "Unable to extract timestamp");
    assertRefused(payload, "t=yesterday,v1=abc", "Unable to extract timestamp");
    assertRefused(
        payload, "t=" + NOW_SECONDS + ",v0=abc", "No signatures found with expected scheme");
  }

  @Test
  void refusalsNameTheHeaderButNeverTheSecretOrTheBody() {
    String header = StripeSignatures.header(payload, StripeSignatures.OTHER_SECRET, NOW_SECONDS);

    assertThatThrownBy(() -> check.verify(payload, header))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            refused -> {
              assertThat(refused.problemWith("Stripe-Signature")).isNotBlank();
              assertThat(refused.getMessage())
                  .doesNotContain(StripeSignatures.SECRET, "cs_test_a1b2c3", header);
            });
  }

  private void assertRefused(String body, String header, String why) {
    assertThatThrownBy(() -> check.verify(body, header))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(why);
  }
}
