package io.berth.workflows.certificate;

/** Where a subject's certificate stands, as the panel shows it. */
public enum CertificateStatus {
  /** Ordering, validating or installing the first certificate. */
  ISSUING,
  /** A certificate is installed; the next renewal is scheduled. */
  ISSUED,
  /** Renewing; the installed certificate keeps serving. */
  RENEWING,
  /** The last attempt failed; retrying after a backoff. A previous certificate keeps serving. */
  FAILING,
  /** Nothing to certify any more; taken out of nginx. */
  REMOVED
}
