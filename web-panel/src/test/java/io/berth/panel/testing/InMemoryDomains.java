package io.berth.panel.testing;

import io.berth.persistence.domain.Domain;
import io.berth.persistence.domain.DomainRepository;
import io.berth.workflows.domain.DomainMode;
import io.berth.workflows.domain.DomainStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;

/** Domains, with the unique index on live names ({@code domain_name_live_uq}). */
public class InMemoryDomains extends InMemoryRepository<Domain> implements DomainRepository {

  @Override
  protected Long idOf(Domain d) {
    return d.id();
  }

  @Override
  protected Domain withId(Domain d, long id) {
    return new Domain(
        id,
        d.customerId(),
        d.name(),
        d.mode(),
        d.status(),
        d.siteId(),
        d.reason(),
        d.dnsSeen(),
        d.dnsFound(),
        d.dnsExpected(),
        d.dnsCheckedAt(),
        d.createdAt(),
        d.updatedAt());
  }

  @Override
  protected void checkConstraints(Domain domain, Long id) {
    if (isLive(domain)
        && !where(d -> isLive(d) && d.name().equals(domain.name()) && !d.id().equals(id))
            .isEmpty()) {
      throw new DuplicateKeyException(
          "duplicate key value violates unique constraint \"domain_name_live_uq\"");
    }
  }

  private static boolean isLive(Domain domain) {
    return domain.status() != DomainStatus.REMOVED;
  }

  @Override
  public List<Domain> findLiveByCustomerId(long customerId) {
    return where(d -> d.customerId() == customerId && isLive(d), Comparator.comparing(Domain::id));
  }

  @Override
  public Optional<Domain> findByIdAndCustomerId(long id, long customerId) {
    return findById(id).filter(d -> d.customerId() == customerId);
  }

  @Override
  public boolean isNameTaken(String name) {
    return !where(d -> isLive(d) && d.name().equals(name)).isEmpty();
  }

  @Override
  public List<Domain> findLiveBySiteId(long siteId) {
    return where(
        d -> isLive(d) && d.siteId() != null && d.siteId() == siteId,
        Comparator.comparing(Domain::id));
  }

  @Override
  public int updateStatus(long id, DomainStatus status, Long siteId, String reason) {
    Domain d = findById(id).filter(InMemoryDomains::isLive).orElse(null);
    if (d == null) {
      return 0;
    }
    save(
        new Domain(
            id,
            d.customerId(),
            d.name(),
            d.mode(),
            status,
            siteId,
            reason,
            d.dnsSeen(),
            d.dnsFound(),
            d.dnsExpected(),
            d.dnsCheckedAt(),
            d.createdAt(),
            Instant.now()));
    return 1;
  }

  @Override
  public int recordDnsCheck(long id, boolean seen, String found, String expected) {
    Domain d = findById(id).orElse(null);
    if (d == null) {
      return 0;
    }
    Instant now = Instant.now();
    save(
        new Domain(
            id,
            d.customerId(),
            d.name(),
            d.mode(),
            d.status(),
            d.siteId(),
            d.reason(),
            seen,
            found,
            expected,
            now,
            d.createdAt(),
            now));
    return 1;
  }

  /** A domain as the panel adds it, then moved to {@code status} as its workflow would. */
  public Domain add(long customerId, String name, DomainMode mode, DomainStatus status) {
    Domain added = save(Domain.added(customerId, name, mode, null));
    updateStatus(added.id(), status, null, null);
    return findById(added.id()).orElseThrow();
  }
}
