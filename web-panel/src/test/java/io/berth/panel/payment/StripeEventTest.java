package io.berth.panel.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.panel.common.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StripeEventTest {

  @Test
  void anEventIsReadByIdTypeCreationTimeAndObject() {
    StripeEvent event = StripeFixtures.event("checkout.session.completed");

    assertThat(event.id()).isEqualTo("evt_1QxCheckoutCompleted");
    assertThat(event.type()).isEqualTo("checkout.session.completed");
    assertThat(event.created()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(event.occurredAtMillis()).isEqualTo(1767225600_000L);
    assertThat(event.objectId()).isEqualTo("cs_test_a1b2c3");
    assertThat(event.previous()).isEqualTo(StripeObject.EMPTY);
  }

  @Test
  void anUpdateCarriesThePreviousValuesOfWhatChanged() {
    StripeEvent event = StripeFixtures.event("customer.subscription.updated.basil");

    assertThat(event.previous().flag("cancel_at_period_end")).isFalse();
    assertThat(event.object().flag("cancel_at_period_end")).isTrue();
  }

  @Test
  void fieldsOfAnotherApiVersionDoNotMatter_onlyThoseBerthReads() {
    StripeEvent event =
        StripeEvent.parse(
            """
            {"id":"evt_new","type":"invoice.created","created":1767225600,"api_version":"2099-01-01.future",
             "data":{"object":{"id":"in_1","object":"invoice","some_new_field":{"deep":[1,2,3]},
                               "amount_due":"not a number"}}}
            """,
            StripeFixtures.JSON);

    assertThat(event.object().number("amount_due")).isNull();
    assertThat(event.object().text("some_new_field")).isNull();
    assertThat(event.objectId()).isEqualTo("in_1");
  }

  @Test
  void anUpcomingInvoiceHasNoObjectId() {
    StripeEvent event =
        StripeEvent.parse(
            """
            {"id":"evt_up","type":"invoice.upcoming","created":1767225600,
             "data":{"object":{"object":"invoice","amount_due":500}}}
            """,
            StripeFixtures.JSON);

    assertThat(event.objectId()).isNull();
  }

  @Test
  void aBodyThatIsNoEventIsRefused() {
    for (String body :
        new String[] {
          "",
          "not json",
          "[]",
          "{}",
          "{\"id\":\"evt_1\",\"type\":\"x\",\"created\":1}",
          "{\"id\":\"evt_1\",\"type\":\"x\",\"data\":{\"object\":{}}}",
          "{\"id\":\""
              + "e".repeat(101)
              + "\",\"type\":\"x\",\"created\":1,\"data\":{\"object\":{}}}"
        }) {
      assertThatThrownBy(() -> StripeEvent.parse(body, StripeFixtures.JSON))
          .as(body)
          .isInstanceOf(InvalidInputException.class)
          .hasMessage(StripeEvent.NOT_AN_EVENT);
    }
  }
}
