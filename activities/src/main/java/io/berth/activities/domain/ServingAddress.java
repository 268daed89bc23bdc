package io.berth.activities.domain;

import io.berth.persistence.domain.Domain;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The address a customer's domain should point at: the public address of the host that serves the
 * domain's attached site, else of the host of any live site of the customer (a customer's sites
 * share one host), else of the most recently seen host, else {@value #FALLBACK}.
 */
final class ServingAddress {

  static final String FALLBACK = "127.0.0.1";

  private final JdbcClient jdbc;

  ServingAddress(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  String of(Domain domain) {
    return attachedSitesHost(domain)
        .or(() -> customersHost(domain.customerId()))
        .or(this::lastSeenHost)
        .orElse(FALLBACK);
  }

  private Optional<String> attachedSitesHost(Domain domain) {
    if (domain.siteId() == null) {
      return Optional.empty();
    }
    return jdbc.sql(
            "SELECT h.public_address FROM site s JOIN host h ON h.id = s.host_id"
                + " WHERE s.id = :site AND s.customer_id = :customer")
        .param("site", domain.siteId())
        .param("customer", domain.customerId())
        .query(String.class)
        .optional();
  }

  private Optional<String> customersHost(long customerId) {
    return jdbc.sql(
            "SELECT h.public_address FROM site s JOIN host h ON h.id = s.host_id"
                + " WHERE s.customer_id = :customer"
                + " AND s.status NOT IN ('CANCELLED', 'FAILED', 'DELETED')"
                + " ORDER BY s.id LIMIT 1")
        .param("customer", customerId)
        .query(String.class)
        .optional();
  }

  private Optional<String> lastSeenHost() {
    return jdbc.sql("SELECT public_address FROM host ORDER BY last_seen DESC, id LIMIT 1")
        .query(String.class)
        .optional();
  }
}
