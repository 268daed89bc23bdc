package io.berth.persistence.mail;

import io.berth.workflows.mail.MailDomainStatus;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface MailDomainRepository extends ListCrudRepository<MailDomain, Long> {

  @Query(
      "SELECT * FROM mail_domain WHERE customer_id = :customerId AND status <> 'REMOVED'"
          + " ORDER BY name")
  List<MailDomain> findLiveByCustomerId(long customerId);

  Optional<MailDomain> findByIdAndCustomerId(long id, long customerId);

  @Query("SELECT * FROM mail_domain WHERE domain_id = :domainId AND status <> 'REMOVED'")
  Optional<MailDomain> findLiveByDomainId(long domainId);

  @Query("SELECT * FROM mail_domain WHERE name = :name AND status <> 'REMOVED'")
  Optional<MailDomain> findLiveByName(String name);

  /**
   * Whether another mail domain of the same name is live: a domain removed and added again while
   * the old one is still being taken off shares its DNS names and server files with the new one.
   */
  @Query(
      "SELECT count(*) > 0 FROM mail_domain WHERE name = :name AND id <> :id"
          + " AND status <> 'REMOVED'")
  boolean isNameLiveElsewhere(String name, long id);

  /** REMOVED is final; everything else follows the workflow. */
  @Modifying
  @Query(
      """
      UPDATE mail_domain SET status = :status, reason = :reason, updated_at = now()
       WHERE id = :id AND status <> 'REMOVED'
      """)
  int updateStatus(long id, MailDomainStatus status, String reason);

  /** Stores the public key once: a retry with another key keeps the first. */
  @Modifying
  @Query(
      """
      UPDATE mail_domain SET dkim_public_key = :publicKey, updated_at = now()
       WHERE id = :id AND dkim_public_key IS NULL
      """)
  int storePublicKeyOnce(long id, String publicKey);
}
