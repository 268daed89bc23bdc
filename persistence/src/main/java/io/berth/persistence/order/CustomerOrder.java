package io.berth.persistence.order;

import io.berth.workflows.order.OrderStatus;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One purchase of a plan with its first site. {@code paymentMethod} is NONE, BANK_TRANSFER or
 * STRIPE; a Stripe order carries its checkout session, and {@code refundRef} once refunded.
 */
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
    Instant updatedAt,
    String checkoutSessionId,
    String checkoutUrl,
    String refundRef) {

  public static final String PAYMENT_NONE = "NONE";
  public static final String PAYMENT_BANK_TRANSFER = "BANK_TRANSFER";
  public static final String PAYMENT_STRIPE = "STRIPE";
}
