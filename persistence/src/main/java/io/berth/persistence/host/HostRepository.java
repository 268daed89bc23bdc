package io.berth.persistence.host;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface HostRepository extends ListCrudRepository<Host, String> {

  /** Registers the host or refreshes its heartbeat and the address its sites are served on. */
  @Modifying
  @Query(
      """
      INSERT INTO host (id, last_seen, port_first, port_last, public_address)
      VALUES (:id, now(), :first, :last, :address)
      ON CONFLICT (id) DO UPDATE SET last_seen = now(), port_first = :first, port_last = :last,
                                     public_address = :address
      """)
  void heartbeat(String id, int first, int last, String address);
}
