package io.berth.activities.certificate;

import io.berth.workflows.certificate.ChallengeType;
import io.berth.workflows.certificate.ValidationResult;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * Port to an ACME certificate authority (Pebble in development, Let's Encrypt in production).
 * Orders are named by the URL the CA gave them, which the caller stores before anything polls it,
 * so every call after {@link #newOrder} can resume an order after a crash. The account is the
 * adapter's business: created once per CA, its key kept encrypted.
 *
 * <p>A CA that cannot be reached, or answers with an error worth retrying, throws {@link
 * CertificateAuthorityException}; a request that can never succeed throws {@link
 * io.berth.activities.common.PermanentException}. A failed validation is a result, not an
 * exception.
 */
public interface CertificateAuthority {

  /** Creates an order for exactly these names, with the challenges still to publish. */
  CaOrder newOrder(List<String> names, ChallengeType challenge);

  /** The order as the CA has it now; empty when the CA no longer knows it (expired, CA reset). */
  Optional<CaOrder> order(String url, ChallengeType challenge);

  /**
   * Tells the CA that every pending challenge is ready and waits, calling {@code heartbeat} at each
   * poll, until every authorization is valid or one failed; the failure's reason is in plain words.
   */
  ValidationResult validate(String url, ChallengeType challenge, Runnable heartbeat);

  /**
   * Finalizes the validated order with a CSR signed by {@code key} (unless the CA finalized it
   * already) and returns the issued chain, leaf first.
   */
  List<X509Certificate> issue(String url, KeyPair key, Runnable heartbeat);
}
