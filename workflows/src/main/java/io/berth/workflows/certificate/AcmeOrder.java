package io.berth.workflows.certificate;

import java.util.List;

/**
 * An order at the CA as stored by the platform ({@code orderId} is the platform's row, whose CA
 * order URL was stored before anything polled it), with the challenges still to publish (empty when
 * every authorization is already valid).
 */
public record AcmeOrder(long orderId, List<String> names, List<AcmeChallenge> challenges) {

  public AcmeOrder {
    names = List.copyOf(names);
    challenges = List.copyOf(challenges);
  }
}
