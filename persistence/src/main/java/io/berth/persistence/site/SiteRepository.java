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
      "SELECT count(*) > 0 FROM site WHERE name = :name AND status NOT IN ('CANCELLED', 'FAILED')")
  boolean isNameTaken(String name);

  /** Cancelled and failed are final; everything else follows the workflow. */
  @Modifying
  @Query(
      """
      UPDATE site SET status = :status, failure_reason = :reason, updated_at = now()
       WHERE id = :id AND status NOT IN ('CANCELLED', 'FAILED')
      """)
  int updateStatus(long id, SiteStatus status, String reason);

  /** The title a WordPress site is installed with (the install step sets it again). */
  @Modifying
  @Query("UPDATE site SET title = :title, updated_at = now() WHERE id = :id")
  int updateTitle(long id, String title);
}
