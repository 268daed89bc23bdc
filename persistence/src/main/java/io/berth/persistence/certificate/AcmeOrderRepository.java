package io.berth.persistence.certificate;

import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface AcmeOrderRepository extends ListCrudRepository<AcmeOrderRow, Long> {

  /** The subject's newest unfinished order for exactly these (sorted, joined) names. */
  @Query(
      "SELECT * FROM acme_order WHERE subject = :subject AND names = :names"
          + " AND status = 'PENDING' ORDER BY id DESC LIMIT 1")
  Optional<AcmeOrderRow> findOpen(String subject, String names);
}
