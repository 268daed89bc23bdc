package io.berth.activities.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import io.berth.activities.common.PermanentException;
import io.berth.workflows.common.FailureType;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class StripeErrorsTest {

  @Test
  void aDeclinedCard_failsForGood_withStripesWordsAndTheDeclineCode() {
    RuntimeException e =
        StripeErrors.translate(
            "changing the plan",
            new CardException(
                "Your card has insufficient funds.",
                "req_1",
                "card_declined",
                null,
                "insufficient_funds",
                "ch_1",
                402,
                null));

    assertThat(e)
        .isInstanceOfSatisfying(
            PermanentException.class,
            p -> assertThat(p.type()).isEqualTo(FailureType.INVALID_INPUT))
        .hasMessage(
            "Stripe declined the card while changing the plan: Your card has insufficient funds."
                + " (insufficient_funds)");
  }

  @Test
  void anInvalidRequest_failsForGood() {
    RuntimeException e =
        StripeErrors.translate(
            "creating the checkout page",
            new InvalidRequestException(
                "No such price: 'price_gone'", "price", "req_2", "resource_missing", 400, null));

    assertThat(e)
        .isInstanceOfSatisfying(
            PermanentException.class, p -> assertThat(p.type()).isEqualTo(FailureType.NOT_FOUND))
        .hasMessage(
            "Stripe refused creating the checkout page: No such price: 'price_gone'"
                + " (resource_missing)");
  }

  @Test
  void aBadParameter_failsForGood_asInvalidInput() {
    RuntimeException e =
        StripeErrors.translate(
            "refunding the payment",
            new InvalidRequestException("Invalid integer: -5", "amount", "req_3", null, 400, null));

    assertThat(e)
        .isInstanceOfSatisfying(
            PermanentException.class,
            p -> assertThat(p.type()).isEqualTo(FailureType.INVALID_INPUT))
        .hasMessage("Stripe refused refunding the payment: Invalid integer: -5");
  }

  @Test
  void aReusedIdempotencyKey_failsForGood_asAConflict() {
    RuntimeException e =
        StripeErrors.translate(
            "creating the customer",
            new IdempotencyException(
                "Keys for idempotent requests can only be used with the same parameters",
                "req_4",
                "idempotency_key_in_use",
                400));

    assertThat(e)
        .isInstanceOfSatisfying(
            PermanentException.class, p -> assertThat(p.type()).isEqualTo(FailureType.CONFLICT));
  }

  @Test
  void rateLimits_serverErrors_andLostConnections_areRetried() {
    assertThat(
            StripeErrors.translate(
                "changing the plan",
                new RateLimitException(
                    "Too many requests", "req_5", "rate_limit", null, 429, null)))
        .isInstanceOf(PaymentGatewayUnavailableException.class)
        .hasMessageStartingWith("Stripe asked Berth to slow down while changing the plan");
    assertThat(
            StripeErrors.translate(
                "changing the plan",
                new ApiException("Something went wrong", "req_6", null, 500, null)))
        .isInstanceOf(PaymentGatewayUnavailableException.class)
        .hasMessageStartingWith("Stripe failed while changing the plan (HTTP 500)");
    assertThat(
            StripeErrors.translate(
                "changing the plan",
                new ApiConnectionException(
                    "IOException during API request", new ConnectException())))
        .isInstanceOf(PaymentGatewayUnavailableException.class)
        .hasMessageStartingWith("Stripe could not be reached while changing the plan");
  }

  @Test
  void aRefusedKey_isRetried_withoutRepeatingWhatStripeSaidAboutTheKey() {
    RuntimeException invalid =
        StripeErrors.translate(
            "opening the billing portal",
            new AuthenticationException(
                "Invalid API Key provided: sk_live_****************abcd", "req_7", null, 401));
    RuntimeException forbidden =
        StripeErrors.translate(
            "opening the billing portal",
            new PermissionException(
                "The provided key 'rk_live_****abcd' does not have access", "req_8", null, 403));

    assertThat(invalid)
        .isInstanceOf(PaymentGatewayUnavailableException.class)
        .hasMessage(
            "Stripe did not accept the API key while opening the billing portal (HTTP 401):"
                + " check berth.stripe.api-key")
        .hasNoCause();
    assertThat(forbidden)
        .isInstanceOf(PaymentGatewayUnavailableException.class)
        .hasMessageNotContaining("rk_live");
  }
}
