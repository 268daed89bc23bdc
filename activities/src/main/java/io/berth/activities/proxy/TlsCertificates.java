package io.berth.activities.proxy;

/**
 * Port to the certificates the host's reverse proxy serves over HTTPS, one per subject: {@code
 * site-<id>} for the customer domains attached to that site (their plain HTTP then redirects to
 * HTTPS, ACME challenges excepted) and {@code platform} for the wildcard of the sites' own names
 * (no redirect). A change the proxy rejects (a chain and key that do not belong together, a chain
 * that is not one) leaves the certificate before it serving and throws.
 */
public interface TlsCertificates {

  /**
   * Serves the chain (PEM, leaf first) and its private key (PEM) for the subject's routes and
   * reloads; no reload when the same certificate is installed already. The key never appears in a
   * message or a log.
   */
  void installCertificate(String subjectKey, String chainPem, String keyPem);

  /** Stops serving the subject's certificate (HTTP serves again, unredirected) and reloads. */
  void removeCertificate(String subjectKey);
}
