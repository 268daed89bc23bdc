package io.berth.panel.order;

import io.berth.persistence.order.CustomerOrder;
import io.berth.workflows.order.OrderStatus;
import io.berth.workflows.progress.Step;
import java.time.Instant;
import java.util.List;

/**
 * One order as its page shows it, with the live steps of its workflows. Two snapshots are equal
 * when nothing a customer could see has changed.
 *
 * @param amount what to transfer, e.g. "€5.00"; null for a free plan
 * @param paymentMethod NONE, BANK_TRANSFER or STRIPE
 * @param progressAvailable false when the workflow service could not be asked; steps are then the
 *     plain list of steps, all pending
 * @param checkoutUrl Stripe's hosted checkout page, once the order's workflow has made it
 * @param subscriptionId the subscription the order started; null for orders from before billing
 */
public record OrderDetails(
    long id,
    long customerId,
    OrderStatus status,
    String planName,
    String amount,
    String paymentMethod,
    String paymentRef,
    long siteId,
    String siteName,
    String app,
    String siteUrl,
    String failureReason,
    Instant createdAt,
    List<Step> steps,
    boolean progressAvailable,
    String checkoutUrl,
    Long subscriptionId) {

  public OrderDetails {
    steps = List.copyOf(steps);
  }

  /** Paid by card on Stripe's checkout page. */
  public boolean paidByCard() {
    return CustomerOrder.PAYMENT_STRIPE.equals(paymentMethod);
  }

  public boolean awaitsTransfer() {
    return status == OrderStatus.AWAITING_PAYMENT && paymentRef == null && !paidByCard();
  }

  /** Waits for the customer to pay on Stripe's checkout page. */
  public boolean awaitsCard() {
    return status == OrderStatus.AWAITING_PAYMENT && paymentRef == null && paidByCard();
  }

  /** Where to pay now: the checkout page while the card payment is awaited; else null. */
  public String payNowUrl() {
    return awaitsCard() ? checkoutUrl : null;
  }

  public boolean cancellable() {
    return status.isOpen();
  }
}
