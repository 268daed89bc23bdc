package io.berth.persistence.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface DnsRecordSetRepository extends ListCrudRepository<DnsRecordSetRow, Long> {

  /** The zone's record sets, ordered as the DNS editor lists them. */
  @Query(
      "SELECT * FROM dns_record_set WHERE domain_id = :domainId ORDER BY name = '@' DESC, name, type")
  List<DnsRecordSetRow> findByDomainId(long domainId);

  Optional<DnsRecordSetRow> findByDomainIdAndNameAndType(long domainId, String name, String type);

  /** Inserts or replaces the set {@code (name, type)}; idempotent. */
  @Modifying
  @Query(
      """
      INSERT INTO dns_record_set (domain_id, name, type, ttl, data, managed)
      VALUES (:domainId, :name, :type, :ttl, :data, :managed)
      ON CONFLICT (domain_id, name, type)
      DO UPDATE SET ttl = excluded.ttl, data = excluded.data, managed = excluded.managed,
                    updated_at = now()
      """)
  int upsert(long domainId, String name, String type, long ttl, String data, boolean managed);

  @Modifying
  @Query("DELETE FROM dns_record_set WHERE domain_id = :domainId AND name = :name AND type = :type")
  int deleteSet(long domainId, String name, String type);

  @Modifying
  @Query("DELETE FROM dns_record_set WHERE domain_id = :domainId")
  int deleteAllOf(long domainId);
}
