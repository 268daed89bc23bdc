package io.berth.panel.admin;

import io.berth.workflows.order.OrderStatus;
import java.time.Instant;

/** One order in the support list, with who ordered it and the site it made. */
record AdminOrderRow(
    long id,
    String customerEmail,
    String planName,
    Long siteId,
    String siteName,
    OrderStatus status,
    String paymentMethod,
    String paymentRef,
    String failureReason,
    Instant createdAt) {

  /** Waits for a bank transfer support confirms (Stripe confirms card payments itself). */
  boolean awaitsTransfer() {
    return status == OrderStatus.AWAITING_PAYMENT
        && paymentRef == null
        && "BANK_TRANSFER".equals(paymentMethod);
  }
}
