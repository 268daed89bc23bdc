package io.berth.persistence.billing;

import java.time.Instant;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** The webhook events taken; the primary key makes a redelivery a no-op. */
public interface PaymentEventRepository extends Repository<PaymentEventRepository.Taken, String> {

  /** Records the event; answers 1 the first time, 0 for a redelivery. */
  @Modifying
  @Query(
      """
      INSERT INTO payment_event (event_id, type, object_id, created_at)
      VALUES (:eventId, :type, :objectId, :createdAt)
      ON CONFLICT (event_id) DO NOTHING
      """)
  int take(String eventId, String type, String objectId, Instant createdAt);

  @Query("SELECT count(*) FROM payment_event")
  long countAll();

  /** The row type, for Spring Data only. */
  @org.springframework.data.relational.core.mapping.Table("payment_event")
  record Taken(
      @org.springframework.data.annotation.Id String eventId,
      String type,
      String objectId,
      Instant createdAt,
      Instant receivedAt) {}
}
