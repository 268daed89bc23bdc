package io.berth.persistence.host;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface HostRepository extends ListCrudRepository<Host, String> {

  /** Registers the host or refreshes its heartbeat. */
  @Modifying
  @Query(
      """
      INSERT INTO host (id, last_seen, port_first, port_last) VALUES (:id, now(), :first, :last)
      ON CONFLICT (id) DO UPDATE SET last_seen = now(), port_first = :first, port_last = :last
      """)
  void heartbeat(String id, int first, int last);
}
