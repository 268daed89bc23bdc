package io.berth.persistence.database;

import io.berth.persistence.secret.SecretNames;
import io.berth.workflows.database.DatabaseStatus;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A database on the customer's MariaDB server. Its password is a secret named {@link
 * #passwordSecret()}, never a column.
 */
@Table("customer_database")
public record CustomerDatabase(
    @Id Long id,
    Long customerId,
    String name,
    String username,
    DatabaseStatus status,
    Long siteId,
    boolean ownedBySite,
    String failureReason,
    Instant createdAt,
    Instant updatedAt) {

  public static CustomerDatabase creating(
      long customerId, String name, String username, Long siteId, boolean ownedBySite) {
    Instant now = Instant.now();
    return new CustomerDatabase(
        null,
        customerId,
        name,
        username,
        DatabaseStatus.CREATING,
        siteId,
        ownedBySite,
        null,
        now,
        now);
  }

  public String passwordSecret() {
    return passwordSecret(id);
  }

  public static String passwordSecret(long databaseId) {
    return SecretNames.databasePassword(databaseId);
  }
}
