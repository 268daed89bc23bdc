package io.berth.persistence.certificate;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface CertificateRepository extends ListCrudRepository<CertificateRow, Long> {

  Optional<CertificateRow> findByOrderId(long orderId);

  /** The certificate nginx serves for the subject now: the newest one installed. */
  @Query(
      "SELECT * FROM certificate WHERE subject = :subject AND installed_at IS NOT NULL"
          + " ORDER BY installed_at DESC, id DESC LIMIT 1")
  Optional<CertificateRow> findInstalled(String subject);

  @Modifying
  @Query("UPDATE certificate SET installed_at = :at WHERE id = :id AND installed_at IS NULL")
  int markInstalled(long id, Instant at);
}
