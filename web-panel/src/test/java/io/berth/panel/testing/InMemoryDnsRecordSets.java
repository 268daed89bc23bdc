package io.berth.panel.testing;

import io.berth.persistence.domain.DnsRecordSetRepository;
import io.berth.persistence.domain.DnsRecordSetRow;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Record sets of hosted zones, listed as the DNS editor shows them (apex first). */
public class InMemoryDnsRecordSets extends InMemoryRepository<DnsRecordSetRow>
    implements DnsRecordSetRepository {

  private static final Comparator<DnsRecordSetRow> EDITOR_ORDER =
      Comparator.comparing((DnsRecordSetRow r) -> !r.name().equals("@"))
          .thenComparing(DnsRecordSetRow::name)
          .thenComparing(DnsRecordSetRow::type);

  @Override
  protected Long idOf(DnsRecordSetRow r) {
    return r.id();
  }

  @Override
  protected DnsRecordSetRow withId(DnsRecordSetRow r, long id) {
    return new DnsRecordSetRow(
        id, r.domainId(), r.name(), r.type(), r.ttl(), r.data(), r.managed(), r.updatedAt());
  }

  @Override
  public List<DnsRecordSetRow> findByDomainId(long domainId) {
    return where(r -> r.domainId() == domainId, EDITOR_ORDER);
  }

  @Override
  public Optional<DnsRecordSetRow> findByDomainIdAndNameAndType(
      long domainId, String name, String type) {
    return where(r -> r.domainId() == domainId && r.name().equals(name) && r.type().equals(type))
        .stream()
        .findFirst();
  }

  @Override
  public synchronized int upsert(
      long domainId, String name, String type, long ttl, String data, boolean managed) {
    Long id =
        findByDomainIdAndNameAndType(domainId, name, type).map(DnsRecordSetRow::id).orElse(null);
    save(new DnsRecordSetRow(id, domainId, name, type, ttl, data, managed, Instant.now()));
    return 1;
  }

  @Override
  public synchronized int deleteSet(long domainId, String name, String type) {
    Optional<DnsRecordSetRow> row = findByDomainIdAndNameAndType(domainId, name, type);
    row.ifPresent(this::delete);
    return row.isPresent() ? 1 : 0;
  }

  @Override
  public synchronized int deleteAllOf(long domainId) {
    List<DnsRecordSetRow> rows = findByDomainId(domainId);
    deleteAll(rows);
    return rows.size();
  }
}
