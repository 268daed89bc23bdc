package io.berth.workflows.certificate;

/**
 * The outcome of the CA's validation of an order: valid, or failed with the reason in plain words
 * ({@code reason}, e.g. "example.test does not point to this server: the CA reached 192.0.2.7") and
 * the ACME problem type when the CA gave one ({@code urn:ietf:params:acme:error:caa}, …).
 */
public record ValidationResult(boolean valid, String reason, String problemType) {

  public static ValidationResult ok() {
    return new ValidationResult(true, null, null);
  }

  public static ValidationResult failed(String reason, String problemType) {
    return new ValidationResult(false, reason, problemType);
  }

  /** The CA said its rate limit was hit: wait longer than for a failed validation. */
  public boolean rateLimited() {
    return problemType != null && problemType.endsWith(":rateLimited");
  }
}
