package io.berth.panel.certificate;

/**
 * Where HTTPS stands for a site (or the platform), as the panel and the API show it: the
 * certificate workflow's own status while it runs, and before it does, whether there is anything to
 * certify.
 */
public enum HttpsStatus {
  /**
   * The site has no domain attached: its platform hostname is covered by the platform certificate.
   */
  NO_DOMAIN,
  /** A domain is attached but no certificate workflow runs yet (it starts once DNS points here). */
  PENDING,
  /** Ordering, validating or installing the first certificate. */
  ISSUING,
  /** A certificate is installed; the next renewal is scheduled. */
  ISSUED,
  /** Renewing; the installed certificate keeps serving. */
  RENEWING,
  /**
   * The last attempt failed and is retried after a backoff; a previous certificate keeps serving.
   */
  FAILING,
  /** Nothing is certified any more; the certificate was taken out of the proxy. */
  REMOVED
}
