package io.berth.activities.billing;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import io.berth.activities.common.PermanentException;
import io.berth.workflows.common.FailureType;

/**
 * Stripe's errors in Berth's terms. A declined card, a request Stripe rejects and a reused
 * idempotency key become {@link PermanentException}s (non-retryable, typed); everything that may
 * pass (no connection, Stripe's 5xx, rate limits, a key being rotated) a {@link
 * PaymentGatewayUnavailableException}. Messages carry Stripe's explanation and never the API key.
 */
final class StripeErrors {

  private StripeErrors() {}

  /**
   * @param action what Berth was doing, in words: "creating the checkout page"
   */
  static RuntimeException translate(String action, StripeException e) {
    if (e instanceof CardException card) {
      return new PermanentException(
          FailureType.INVALID_INPUT,
          "Stripe declined the card while " + action + ": " + explanation(card),
          e);
    }
    if (e instanceof IdempotencyException) {
      return new PermanentException(
          FailureType.CONFLICT,
          "Stripe refused "
              + action
              + ": its idempotency key was used before with other details ("
              + explanation(e)
              + ")",
          e);
    }
    if (e instanceof InvalidRequestException) {
      boolean missing =
          "resource_missing".equals(e.getCode()) || Integer.valueOf(404).equals(e.getStatusCode());
      return new PermanentException(
          missing ? FailureType.NOT_FOUND : FailureType.INVALID_INPUT,
          "Stripe refused " + action + ": " + explanation(e),
          e);
    }
    if (e instanceof AuthenticationException) {
      // Stripe's own text repeats part of the key: say what to check instead.
      return new PaymentGatewayUnavailableException(
          "Stripe did not accept the API key while "
              + action
              + " (HTTP "
              + e.getStatusCode()
              + "): check berth.stripe.api-key",
          null);
    }
    if (e instanceof RateLimitException) {
      return new PaymentGatewayUnavailableException(
          "Stripe asked Berth to slow down while " + action + ": " + explanation(e), e);
    }
    if (e instanceof ApiConnectionException) {
      return new PaymentGatewayUnavailableException(
          "Stripe could not be reached while " + action + ": " + explanation(e), e);
    }
    return new PaymentGatewayUnavailableException(
        "Stripe failed while "
            + action
            + (e.getStatusCode() != null ? " (HTTP " + e.getStatusCode() + ")" : "")
            + ": "
            + explanation(e),
        e);
  }

  /** Stripe's message for people, with its error code when it has one. */
  static String explanation(StripeException e) {
    String message =
        e.getStripeError() != null && e.getStripeError().getMessage() != null
            ? e.getStripeError().getMessage()
            : firstPart(e.getMessage());
    String code =
        e instanceof CardException card && card.getDeclineCode() != null
            ? card.getDeclineCode()
            : e.getCode();
    return code != null && !code.isBlank() ? message + " (" + code + ")" : message;
  }

  /** stripe-java appends "; code: …; request-id: …" to its messages. */
  private static String firstPart(String message) {
    if (message == null) {
      return "no details";
    }
    int cut = message.indexOf("; ");
    return cut > 0 ? message.substring(0, cut) : message;
  }
}
