package io.berth.persistence.site;

import io.berth.workflows.site.SiteStatus;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One app instance of a customer; {@code hostId}/{@code hostPort} are set by placement. */
@Table("site")
public record Site(
    @Id Long id,
    Long customerId,
    Long orderId,
    String name,
    String app,
    SiteStatus status,
    String failureReason,
    String hostId,
    Integer hostPort,
    Instant createdAt,
    Instant updatedAt) {}
