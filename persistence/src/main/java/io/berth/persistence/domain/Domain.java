package io.berth.persistence.domain;

import io.berth.workflows.domain.DomainMode;
import io.berth.workflows.domain.DomainStatus;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A customer's domain. {@code dnsSeen}/{@code dnsFound}/{@code dnsExpected}/{@code dnsCheckedAt}
 * are the last look at public DNS, shown live in the panel.
 */
@Table("domain")
public record Domain(
    @Id Long id,
    Long customerId,
    String name,
    DomainMode mode,
    DomainStatus status,
    Long siteId,
    String reason,
    boolean dnsSeen,
    String dnsFound,
    String dnsExpected,
    Instant dnsCheckedAt,
    Instant createdAt,
    Instant updatedAt) {

  /** A domain just added, before its workflow has run. */
  public static Domain added(long customerId, String name, DomainMode mode, Long siteId) {
    Instant now = Instant.now();
    return new Domain(
        null,
        customerId,
        name,
        mode,
        DomainStatus.SETTING_UP,
        siteId,
        null,
        false,
        null,
        null,
        null,
        now,
        now);
  }
}
