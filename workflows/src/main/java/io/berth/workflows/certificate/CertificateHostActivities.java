package io.berth.workflows.certificate;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/**
 * Certificate work on the subject's host queue ({@code berth-host-<id>}): HTTP-01 files served by
 * the host's nginx, and the certificate installed into nginx (tested with {@code nginx -t} before
 * the reload; a rejected configuration is rolled back). Idempotent.
 */
@ActivityInterface
public interface CertificateHostActivities {

  /** Writes each HTTP-01 challenge's file; DNS-01 challenges are ignored. */
  void publishHttpChallenges(List<AcmeChallenge> challenges);

  /** Removes the challenges' files; no-op for those already gone. */
  void withdrawHttpChallenges(List<AcmeChallenge> challenges);

  /**
   * Serves the stored certificate (chain and decrypted key) on the HTTPS port for its subject's
   * routes. For a site's domains, HTTP then redirects to HTTPS (except ACME challenges).
   */
  void install(long certificateId);

  /** Takes the subject's certificate out of nginx (HTTP serves again without a redirect). */
  void uninstall(CertificateSubject subject);
}
