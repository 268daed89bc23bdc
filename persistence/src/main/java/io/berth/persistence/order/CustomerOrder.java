package io.berth.persistence.order;

import io.berth.workflows.order.OrderStatus;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One purchase of a plan with its first site. {@code paymentMethod} is NONE or BANK_TRANSFER. */
@Table("orders")
public record CustomerOrder(
    @Id Long id,
    Long customerId,
    Long planId,
    String siteName,
    String app,
    String paymentMethod,
    OrderStatus status,
    String failureReason,
    String paymentRef,
    Instant createdAt,
    Instant updatedAt) {

  public static final String PAYMENT_NONE = "NONE";
  public static final String PAYMENT_BANK_TRANSFER = "BANK_TRANSFER";
}
