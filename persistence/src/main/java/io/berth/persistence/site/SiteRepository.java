package io.berth.persistence.site;

import io.berth.workflows.site.SiteStatus;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface SiteRepository extends ListCrudRepository<Site, Long> {

  List<Site> findByCustomerIdOrderById(long customerId);

  Optional<Site> findByIdAndCustomerId(long id, long customerId);

  Optional<Site> findByOrderId(long orderId);

  @Query(
      "SELECT count(*) > 0 FROM site WHERE name = :name AND status NOT IN ('CANCELLED', 'FAILED', 'DELETED')")
  boolean isNameTaken(String name);

  /** Cancelled, failed and deleted are final; everything else follows the workflow. */
  @Modifying
  @Query(
      """
      UPDATE site SET status = :status, failure_reason = :reason, updated_at = now()
       WHERE id = :id AND status NOT IN ('CANCELLED', 'FAILED', 'DELETED')
      """)
  int updateStatus(long id, SiteStatus status, String reason);

  /** The sites of an order that exist: not cancelled, failed or deleted. */
  @Query(
      """
      SELECT * FROM site WHERE order_id = :orderId
         AND status NOT IN ('CANCELLED', 'FAILED', 'DELETED') ORDER BY id
      """)
  List<Site> findLiveByOrderId(long orderId);

  /** The title a WordPress site is installed with (the install step sets it again). */
  @Modifying
  @Query("UPDATE site SET title = :title, updated_at = now() WHERE id = :id")
  int updateTitle(long id, String title);
}
