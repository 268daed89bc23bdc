package io.berth.workflows.certificate;

import io.temporal.activity.ActivityInterface;

/**
 * Certificate activities on {@code berth-control}: the ACME CA (through the {@code
 * CertificateAuthority} port), Berth's DNS for DNS-01 and the platform DB. Each is idempotent: a
 * retried {@link #placeOrder} resumes the stored order instead of making a new one, and a retried
 * {@link #finalizeOrder} returns the certificate already stored for the order.
 */
@ActivityInterface
public interface CertificateActivities {

  /**
   * The names to certify now and where: a site's attached, live customer domains (and their {@code
   * www.}) on the site's host, with HTTP-01; the platform's {@code *.<sites domain>} and the sites
   * domain itself, with DNS-01. Empty names when there is nothing to certify; the host is still
   * named then when the subject has one, so the workflow can take an installed certificate out.
   */
  CertificateTarget target(CertificateSubject subject);

  /**
   * An order for exactly these names: the subject's open order when it has one for the same names,
   * else a new one (new key pair, stored encrypted; order URL stored before returning). The ACME
   * account is created once per CA and its key stored encrypted.
   */
  AcmeOrder placeOrder(CertificateSubject subject, CertificateTarget target);

  /** Publishes the order's DNS-01 TXT records on Berth's DNS (none for HTTP-01). */
  void publishDnsChallenges(long orderId);

  /**
   * Tells the CA the challenges are ready and waits (heartbeating) until every authorization is
   * valid or one failed. A failure is a result, not an exception: its reason is in plain words.
   */
  ValidationResult validate(long orderId);

  /**
   * Finalizes the order with a CSR from the order's key, downloads the chain and stores the
   * certificate. Returns the stored one when the order already has it.
   */
  IssuedCertificate finalizeOrder(long orderId);

  /** Removes the order's DNS-01 TXT records (no-op for HTTP-01 or when gone). */
  void withdrawDnsChallenges(long orderId);

  /** Marks the certificate installed for its subject (the panel's padlock reads it). */
  void recordInstalled(long certificateId);
}
