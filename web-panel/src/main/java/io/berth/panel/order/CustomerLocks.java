package io.berth.panel.order;

/** Serializes a customer's concurrent orders inside the current transaction. */
@FunctionalInterface
interface CustomerLocks {

  /** Holds the customer's row lock until the current transaction ends. */
  void lock(long customerId);
}
