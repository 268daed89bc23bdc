package io.berth.persistence.host;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A Docker host whose worker is (or was) online; {@code lastSeen} is its heartbeat. */
@Table("host")
public record Host(
    @Id String id, Instant lastSeen, int portFirst, int portLast, String publicAddress) {}
