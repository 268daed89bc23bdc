package io.berth.panel.testing;

import io.berth.persistence.order.CustomerOrder;
import io.berth.persistence.order.OrderRepository;
import io.berth.workflows.order.OrderStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
        o.updatedAt());
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
  public int updateStatus(long id, OrderStatus status, String reason) {
    CustomerOrder order = findById(id).orElse(null);
    if (order == null || FINAL.contains(order.status())) {
      return 0;
    }
    save(
        new CustomerOrder(
            id,
            order.customerId(),
            order.planId(),
            order.siteName(),
            order.app(),
            order.paymentMethod(),
            status,
            reason,
            order.paymentRef(),
            order.createdAt(),
            Instant.now()));
    return 1;
  }

  @Override
  public int recordPayment(long id, String ref) {
    CustomerOrder order = findById(id).orElse(null);
    if (order == null) {
      return 0;
    }
    save(
        new CustomerOrder(
            id,
            order.customerId(),
            order.planId(),
            order.siteName(),
            order.app(),
            order.paymentMethod(),
            order.status(),
            order.failureReason(),
            ref,
            order.createdAt(),
            Instant.now()));
    return 1;
  }

  /** An order as checkout would have stored it. */
  public CustomerOrder add(long customerId, long planId, String siteName, OrderStatus status) {
    Instant now = Instant.now();
    return save(
        new CustomerOrder(
            null,
            customerId,
            planId,
            siteName,
            "static",
            planId == InMemoryPlans.TRIAL
                ? CustomerOrder.PAYMENT_NONE
                : CustomerOrder.PAYMENT_BANK_TRANSFER,
            status,
            null,
            null,
            now,
            now));
  }
}
