package io.berth.activities.billing;

/** The mail server could not take a billing e-mail now; sending it is retried. */
public class BillingMailUnavailableException extends RuntimeException {

  public BillingMailUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
