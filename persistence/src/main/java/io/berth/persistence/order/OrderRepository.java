package io.berth.persistence.order;

import io.berth.workflows.order.OrderStatus;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface OrderRepository extends ListCrudRepository<CustomerOrder, Long> {

  List<CustomerOrder> findByCustomerIdOrderByIdDesc(long customerId);

  Optional<CustomerOrder> findByIdAndCustomerId(long id, long customerId);

  List<CustomerOrder> findAllByOrderByIdDesc(Pageable page);

  /** Terminal states are final: a late retry cannot turn a cancelled order back into active. */
  @Modifying
  @Query(
      """
      UPDATE orders SET status = :status, failure_reason = :reason, updated_at = now()
       WHERE id = :id AND status NOT IN ('ACTIVE', 'FAILED', 'CANCELLED')
      """)
  int updateStatus(long id, OrderStatus status, String reason);

  @Modifying
  @Query("UPDATE orders SET payment_ref = :ref, updated_at = now() WHERE id = :id")
  int recordPayment(long id, String ref);

  List<CustomerOrder> findByCheckoutSessionId(String checkoutSessionId);

  /** Stores the order's checkout page once; a second session never replaces the first. */
  @Modifying
  @Query(
      """
      UPDATE orders SET checkout_session_id = :sessionId, checkout_url = :url, updated_at = now()
       WHERE id = :id AND checkout_session_id IS NULL
      """)
  int recordCheckout(long id, String sessionId, String url);

  /** Records the refund once. */
  @Modifying
  @Query(
      """
      UPDATE orders SET refund_ref = :ref, updated_at = now()
       WHERE id = :id AND refund_ref IS NULL
      """)
  int recordRefund(long id, String ref);
}
