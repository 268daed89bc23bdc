package io.berth.activities.billing;

/**
 * The payment provider could not be reached, failed on its side or asked Berth to slow down: the
 * activity is retried with Temporal's backoff.
 */
public class PaymentGatewayUnavailableException extends RuntimeException {

  public PaymentGatewayUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
