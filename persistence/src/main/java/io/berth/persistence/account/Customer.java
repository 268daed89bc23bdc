package io.berth.persistence.account;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** An account that signs in to the panel. {@code role} is CUSTOMER or SUPPORT. */
@Table("customer")
public record Customer(
    @Id Long id,
    String email,
    String passwordHash,
    String role,
    Instant createdAt,
    String stripeCustomerId) {

  public static final String ROLE_CUSTOMER = "CUSTOMER";
  public static final String ROLE_SUPPORT = "SUPPORT";

  public static Customer create(String email, String passwordHash, String role, Instant now) {
    return new Customer(null, email, passwordHash, role, now, null);
  }

  public boolean isSupport() {
    return ROLE_SUPPORT.equals(role);
  }
}
