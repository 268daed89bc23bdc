package io.berth.workflows.certificate;

import java.time.Duration;
import java.time.Instant;

/**
 * When the next attempt is due, from the {@link CertificatePolicy}: renewal at a fraction of the
 * lifetime, and a doubling backoff after failures that keeps a hostname within the CA's limit on
 * failed validations. Pure arithmetic, so workflow code stays deterministic.
 */
final class CertificateSchedule {

  /** Beyond this many doublings the delay is far past any sensible cap anyway. */
  private static final int MAX_DOUBLINGS = 20;

  private final CertificatePolicy policy;

  CertificateSchedule(CertificatePolicy policy) {
    this.policy = policy;
  }

  /** When to start renewing: {@code notBefore + renewAtFraction × lifetime}. */
  Instant renewalOf(IssuedCertificate certificate) {
    return policy.renewalAt(certificate.notBefore(), certificate.notAfter());
  }

  /**
   * The pause after the {@code failures}-th failure in a row (1-based): {@code firstRetry ×
   * 2^(n-1)} capped at {@code maxRetry}; always {@code maxRetry} when the CA said its rate limit
   * was hit.
   */
  Duration backoffAfter(int failures, boolean rateLimited) {
    if (rateLimited) {
      return policy.maxRetry();
    }
    int doublings = Math.min(Math.max(failures, 1) - 1, MAX_DOUBLINGS);
    Duration delay = policy.firstRetry().multipliedBy(1L << doublings);
    return delay.compareTo(policy.maxRetry()) > 0 ? policy.maxRetry() : delay;
  }
}
