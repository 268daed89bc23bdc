package io.berth.panel.testing;

import io.berth.persistence.order.CustomerOrder;
import io.berth.persistence.order.OrderRepository;
import io.berth.workflows.order.OrderStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.springframework.data.domain.Pageable;

public class InMemoryOrders extends InMemoryRepository<CustomerOrder> implements OrderRepository {

  private static final Set<OrderStatus> FINAL =
      Set.of(OrderStatus.ACTIVE, OrderStatus.FAILED, OrderStatus.CANCELLED);
  private static final Comparator<CustomerOrder> NEWEST_FIRST =
      Comparator.comparing(CustomerOrder::id).reversed();

  @Override
  protected Long idOf(CustomerOrder o) {
    return o.id();
  }

  @Override
  protected CustomerOrder withId(CustomerOrder o, long id) {
    return new CustomerOrder(
        id,
        o.customerId(),
        o.planId(),
        o.siteName(),
        o.app(),
        o.paymentMethod(),
        o.status(),
        o.failureReason(),
        o.paymentRef(),
        o.createdAt(),
        o.updatedAt(),
        o.checkoutSessionId(),
        o.checkoutUrl(),
        o.refundRef());
  }

  @Override
  public List<CustomerOrder> findByCustomerIdOrderByIdDesc(long customerId) {
    return where(o -> o.customerId() == customerId, NEWEST_FIRST);
  }

  @Override
  public Optional<CustomerOrder> findByIdAndCustomerId(long id, long customerId) {
    return findById(id).filter(o -> o.customerId() == customerId);
  }

  @Override
  public List<CustomerOrder> findAllByOrderByIdDesc(Pageable page) {
    return where(o -> true, NEWEST_FIRST).stream()
        .skip(page.getOffset())
        .limit(page.getPageSize())
        .toList();
  }

  @Override
  public List<CustomerOrder> findByCheckoutSessionId(String checkoutSessionId) {
    return where(o -> checkoutSessionId.equals(o.checkoutSessionId()));
  }

  @Override
  public int updateStatus(long id, OrderStatus status, String reason) {
    return change(
        id,
        o -> !FINAL.contains(o.status()),
        o ->
            new CustomerOrder(
                o.id(),
                o.customerId(),
                o.planId(),
                o.siteName(),
                o.app(),
                o.paymentMethod(),
                status,
                reason,
                o.paymentRef(),
                o.createdAt(),
                Instant.now(),
                o.checkoutSessionId(),
                o.checkoutUrl(),
                o.refundRef()));
  }

  @Override
  public int recordPayment(long id, String ref) {
    return change(
        id,
        o -> true,
        o ->
            new CustomerOrder(
                o.id(),
                o.customerId(),
                o.planId(),
                o.siteName(),
                o.app(),
                o.paymentMethod(),
                o.status(),
                o.failureReason(),
                ref,
                o.createdAt(),
                Instant.now(),
                o.checkoutSessionId(),
                o.checkoutUrl(),
                o.refundRef()));
  }

  @Override
  public int recordCheckout(long id, String sessionId, String url) {
    return change(
        id,
        o -> o.checkoutSessionId() == null,
        o ->
            new CustomerOrder(
                o.id(),
                o.customerId(),
                o.planId(),
                o.siteName(),
                o.app(),
                o.paymentMethod(),
                o.status(),
                o.failureReason(),
                o.paymentRef(),
                o.createdAt(),
                Instant.now(),
                sessionId,
                url,
                o.refundRef()));
  }

  @Override
  public int recordRefund(long id, String ref) {
    return change(
        id,
        o -> o.refundRef() == null,
        o ->
            new CustomerOrder(
                o.id(),
                o.customerId(),
                o.planId(),
                o.siteName(),
                o.app(),
                o.paymentMethod(),
                o.status(),
                o.failureReason(),
                o.paymentRef(),
                o.createdAt(),
                Instant.now(),
                o.checkoutSessionId(),
                o.checkoutUrl(),
                ref));
  }

  /** An order as checkout would have stored it. */
  public CustomerOrder add(long customerId, long planId, String siteName, OrderStatus status) {
    return add(
        customerId,
        planId,
        siteName,
        status,
        planId == InMemoryPlans.TRIAL
            ? CustomerOrder.PAYMENT_NONE
            : CustomerOrder.PAYMENT_BANK_TRANSFER);
  }

  /** An order paid by this method ({@code NONE}, {@code BANK_TRANSFER} or {@code STRIPE}). */
  public CustomerOrder add(
      long customerId, long planId, String siteName, OrderStatus status, String paymentMethod) {
    Instant now = Instant.now();
    return save(
        new CustomerOrder(
            null,
            customerId,
            planId,
            siteName,
            "static",
            paymentMethod,
            status,
            null,
            null,
            now,
            now,
            null,
            null,
            null));
  }

  private synchronized int change(
      long id, Predicate<CustomerOrder> when, UnaryOperator<CustomerOrder> change) {
    CustomerOrder order = findById(id).orElse(null);
    if (order == null || !when.test(order)) {
      return 0;
    }
    save(change.apply(order));
    return 1;
  }
}
