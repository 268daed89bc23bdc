package io.berth.activities.certificate;

import io.berth.workflows.certificate.AcmeChallenge;
import java.time.Instant;
import java.util.List;

/**
 * An order as the CA answers for it: its URL, where it stands, when it expires (null when the CA
 * does not say) and the challenges of its authorizations that are still pending.
 */
public record CaOrder(String url, Status status, Instant expires, List<AcmeChallenge> challenges) {

  public CaOrder {
    challenges = List.copyOf(challenges);
  }

  /** RFC 8555's order states, every final failure (expired, deactivated, …) as {@link #INVALID}. */
  public enum Status {
    PENDING,
    READY,
    PROCESSING,
    VALID,
    INVALID
  }

  /** Whether the order can still lead to a certificate. */
  public boolean usable() {
    return status != Status.INVALID;
  }
}
