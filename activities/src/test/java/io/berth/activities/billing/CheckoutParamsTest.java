package io.berth.activities.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Checkout Session Berth asks Stripe for, as the form parameters stripe-java sends. */
class CheckoutParamsTest {

  private final Map<String, Object> params =
      StripePaymentGateway.checkoutParams(
              new CheckoutRequest(
                  12,
                  34,
                  "cus_abc",
                  "price_berth_starter_month",
                  "https://panel.example/orders/12?paid",
                  "https://panel.example/orders/12"))
          .toMap();

  @Test
  void itSellsOneSubscriptionToThePlansPrice_forTheStripeCustomer() {
    assertThat(params)
        .containsEntry("mode", "subscription")
        .containsEntry("customer", "cus_abc")
        .containsEntry(
            "line_items", List.of(Map.of("price", "price_berth_starter_month", "quantity", 1L)));
  }

  @Test
  void itCarriesBerthsIds_onTheSessionAndOnTheSubscription() {
    assertThat(params)
        .containsEntry("client_reference_id", "12")
        .containsEntry("metadata", Map.of("berth_order_id", "12", "berth_subscription_id", "34"))
        .containsEntry(
            "subscription_data", Map.of("metadata", Map.of("berth_subscription_id", "34")));
  }

  @Test
  void itComesBackToTheOrdersPage() {
    assertThat(params)
        .containsEntry("success_url", "https://panel.example/orders/12?paid")
        .containsEntry("cancel_url", "https://panel.example/orders/12");
  }

  @Test
  void itsIdempotencyKey_isTheOrders() {
    assertThat(new CheckoutRequest(12, 34, "cus_abc", "price_x", "s", "c").idempotencyKey())
        .isEqualTo("order-12:checkout");
  }
}
