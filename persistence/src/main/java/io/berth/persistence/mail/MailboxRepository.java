package io.berth.persistence.mail;

import io.berth.workflows.mail.MailboxStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface MailboxRepository extends ListCrudRepository<Mailbox, Long> {

  /** Every mailbox of the customer whose mail is still stored (live or in retention). */
  @Query(
      "SELECT * FROM mailbox WHERE customer_id = :customerId AND status <> 'PURGED'"
          + " ORDER BY address")
  List<Mailbox> findStoredByCustomerId(long customerId);

  @Query(
      "SELECT * FROM mailbox WHERE mail_domain_id = :mailDomainId AND status <> 'PURGED'"
          + " ORDER BY address")
  List<Mailbox> findStoredByMailDomainId(long mailDomainId);

  Optional<Mailbox> findByIdAndCustomerId(long id, long customerId);

  @Query("SELECT * FROM mailbox WHERE address = :address AND status <> 'PURGED'")
  Optional<Mailbox> findStoredByAddress(String address);

  @Query(
      "SELECT count(*) FROM mailbox WHERE customer_id = :customerId"
          + " AND status IN ('CREATING', 'ACTIVE')")
  int countLive(long customerId);

  /** The sum of the quotas of the customer's live mailboxes, in MiB. */
  @Query(
      "SELECT coalesce(sum(quota_mb), 0) FROM mailbox WHERE customer_id = :customerId"
          + " AND status IN ('CREATING', 'ACTIVE')")
  long sumLiveQuotaMb(long customerId);

  /** PURGED is final; DELETED only moves on to PURGED. */
  @Modifying
  @Query(
      """
      UPDATE mailbox SET status = :status, reason = :reason, updated_at = now()
       WHERE id = :id AND status <> 'PURGED'
         AND (status <> 'DELETED' OR :status = 'PURGED')
      """)
  int updateStatus(long id, MailboxStatus status, String reason);

  /** Deletion: out of the mail servers' views at once; the first purge time is kept. */
  @Modifying
  @Query(
      """
      UPDATE mailbox SET status = 'DELETED', purge_after = coalesce(purge_after, :purgeAfter),
             updated_at = now()
       WHERE id = :id AND status <> 'PURGED'
      """)
  int markDeleted(long id, Instant purgeAfter);

  @Modifying
  @Query(
      """
      UPDATE mailbox SET password_hash = :passwordHash, updated_at = now()
       WHERE id = :id AND customer_id = :customerId AND status IN ('CREATING', 'ACTIVE')
      """)
  int changePassword(long id, long customerId, String passwordHash);

  @Modifying
  @Query(
      """
      UPDATE mailbox SET quota_mb = :quotaMb, updated_at = now()
       WHERE id = :id AND customer_id = :customerId AND status IN ('CREATING', 'ACTIVE')
      """)
  int changeQuota(long id, long customerId, int quotaMb);

  /** Bytes Dovecot counts in the mailbox (0 before its first message). */
  @Query("SELECT coalesce((SELECT bytes FROM mail_quota_usage WHERE username = :address), 0)")
  long usedBytes(String address);

  @Modifying
  @Query("DELETE FROM mail_quota_usage WHERE username = :address")
  int forgetUsage(String address);
}
