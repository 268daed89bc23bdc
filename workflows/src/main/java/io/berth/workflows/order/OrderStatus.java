package io.berth.workflows.order;

/** Where an order stands, as stored for the panel and the API. */
public enum OrderStatus {
  AWAITING_PAYMENT,
  PROVISIONING,
  ACTIVE,
  FAILED,
  CANCELLED;

  public boolean isOpen() {
    return this == AWAITING_PAYMENT || this == PROVISIONING;
  }
}
