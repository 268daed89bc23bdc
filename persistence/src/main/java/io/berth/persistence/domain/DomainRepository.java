package io.berth.persistence.domain;

import io.berth.workflows.domain.DomainStatus;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface DomainRepository extends ListCrudRepository<Domain, Long> {

  /** The customer's domains that have not been removed, oldest first. */
  @Query("SELECT * FROM domain WHERE customer_id = :customerId AND status <> 'REMOVED' ORDER BY id")
  List<Domain> findLiveByCustomerId(long customerId);

  Optional<Domain> findByIdAndCustomerId(long id, long customerId);

  @Query("SELECT count(*) > 0 FROM domain WHERE name = :name AND status <> 'REMOVED'")
  boolean isNameTaken(String name);

  /** The live domains attached to a site. */
  @Query("SELECT * FROM domain WHERE site_id = :siteId AND status <> 'REMOVED' ORDER BY id")
  List<Domain> findLiveBySiteId(long siteId);

  /** Removed is final; everything else follows the workflow. */
  @Modifying
  @Query(
      """
      UPDATE domain SET status = :status, site_id = :siteId, reason = :reason, updated_at = now()
       WHERE id = :id AND status <> 'REMOVED'
      """)
  int updateStatus(long id, DomainStatus status, Long siteId, String reason);

  @Modifying
  @Query(
      """
      UPDATE domain SET dns_seen = :seen, dns_found = :found, dns_expected = :expected,
             dns_checked_at = now(), updated_at = now()
       WHERE id = :id
      """)
  int recordDnsCheck(long id, boolean seen, String found, String expected);
}
