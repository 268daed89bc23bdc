package io.berth.activities.certificate;

/**
 * The CA could not be reached or answered with an error that retrying may cure (server error, rate
 * limit on a request, bad nonce). Not a permanent failure: Temporal retries the activity.
 */
public class CertificateAuthorityException extends RuntimeException {

  public CertificateAuthorityException(String message, Throwable cause) {
    super(message, cause);
  }

  public CertificateAuthorityException(String message) {
    super(message);
  }
}
