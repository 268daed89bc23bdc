package io.berth.workflows.certificate;

import java.time.Instant;

/**
 * The workflow's answer to "how is my certificate": status, the installed certificate (null before
 * the first one), the next renewal or retry, and the last failure in plain words (null after a
 * success). Also carried across continue-as-new.
 */
public record CertificateState(
    CertificateStatus status,
    IssuedCertificate installed,
    Instant nextAttemptAt,
    String lastFailure,
    int recentFailures) {

  public static CertificateState initial() {
    return new CertificateState(CertificateStatus.ISSUING, null, null, null, 0);
  }
}
