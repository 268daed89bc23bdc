package io.berth.panel.common;

/**
 * Serializes what one customer does concurrently inside the current transaction: two orders, or two
 * new databases, cannot both pass the plan's limits.
 */
@FunctionalInterface
public interface CustomerLocks {

  /** Holds the customer's row lock until the current transaction ends. */
  void lock(long customerId);
}
