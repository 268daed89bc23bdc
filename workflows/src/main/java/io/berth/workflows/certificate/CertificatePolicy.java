package io.berth.workflows.certificate;

import java.time.Duration;
import java.time.Instant;

/**
 * When to renew and how to back off. Renewal starts at {@code renewAtFraction} of the lifetime
 * (2/3: day 60 of a 90-day certificate). After a failed validation the next attempt waits {@code
 * firstRetry}, doubling up to {@code maxRetry}; a rate-limited order waits {@code maxRetry}. With
 * the defaults (15 min first) no hostname sees more than 4 failed validations an hour, under Let's
 * Encrypt's limit of 5.
 */
public record CertificatePolicy(double renewAtFraction, Duration firstRetry, Duration maxRetry) {

  /** When to start renewing a certificate valid in [notBefore, notAfter]. */
  public Instant renewalAt(Instant notBefore, Instant notAfter) {
    long lifetime = Duration.between(notBefore, notAfter).toMillis();
    return notBefore.plusMillis(Math.round(lifetime * renewAtFraction));
  }

  public static CertificatePolicy defaults() {
    return new CertificatePolicy(2.0 / 3.0, Duration.ofMinutes(15), Duration.ofHours(6));
  }
}
