package io.berth.panel.admin;

import java.time.Instant;

/** One invoice Berth opened for a bank transfer, with who owes it, for support. */
record AdminInvoiceRow(
    long id,
    long subscriptionId,
    String customerEmail,
    String planName,
    long amountCents,
    String currency,
    String status,
    Instant periodStart,
    Instant createdAt,
    String paymentRef) {

  boolean open() {
    return "OPEN".equals(status);
  }
}
