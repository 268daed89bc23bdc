package io.berth.persistence.account;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A bearer token of the REST API; only its SHA-256 is stored. */
@Table("api_token")
public record ApiToken(
    @Id Long id, Long customerId, String tokenSha256, Instant createdAt, Instant expiresAt) {}
