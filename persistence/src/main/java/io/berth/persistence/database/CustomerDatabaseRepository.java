package io.berth.persistence.database;

import io.berth.workflows.database.DatabaseStatus;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface CustomerDatabaseRepository extends ListCrudRepository<CustomerDatabase, Long> {

  @Query(
      "SELECT * FROM customer_database WHERE customer_id = :customerId AND status <> 'DELETED'"
          + " ORDER BY id")
  List<CustomerDatabase> findLiveByCustomerId(long customerId);

  Optional<CustomerDatabase> findByIdAndCustomerId(long id, long customerId);

  @Query(
      "SELECT * FROM customer_database WHERE site_id = :siteId AND status <> 'DELETED'"
          + " ORDER BY owned_by_site DESC, id LIMIT 1")
  Optional<CustomerDatabase> findLiveBySiteId(long siteId);

  @Query(
      "SELECT count(*) FROM customer_database WHERE customer_id = :customerId"
          + " AND status <> 'DELETED'")
  int countLive(long customerId);

  @Query(
      "SELECT count(*) > 0 FROM customer_database WHERE customer_id = :customerId"
          + " AND name = :name AND status <> 'DELETED'")
  boolean isNameTaken(long customerId, String name);

  /** Deleted is final; everything else follows the workflows. */
  @Modifying
  @Query(
      """
      UPDATE customer_database SET status = :status, failure_reason = :reason, updated_at = now()
       WHERE id = :id AND status <> 'DELETED'
      """)
  int updateStatus(long id, DatabaseStatus status, String reason);

  /** Links a PHP or Node site to the database (null unlinks); a site's own database stays. */
  @Modifying
  @Query(
      """
      UPDATE customer_database SET site_id = :siteId, updated_at = now()
       WHERE id = :id AND status <> 'DELETED' AND NOT owned_by_site
      """)
  int link(long id, Long siteId);
}
