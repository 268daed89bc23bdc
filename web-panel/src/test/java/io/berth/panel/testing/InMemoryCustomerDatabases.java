package io.berth.panel.testing;

import io.berth.persistence.database.CustomerDatabase;
import io.berth.persistence.database.CustomerDatabaseRepository;
import io.berth.workflows.database.DatabaseStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;

/** Customer databases, with the unique index on a customer's live names. */
public class InMemoryCustomerDatabases extends InMemoryRepository<CustomerDatabase>
    implements CustomerDatabaseRepository {

  @Override
  protected Long idOf(CustomerDatabase d) {
    return d.id();
  }

  @Override
  protected CustomerDatabase withId(CustomerDatabase d, long id) {
    return new CustomerDatabase(
        id,
        d.customerId(),
        d.name(),
        d.username(),
        d.status(),
        d.siteId(),
        d.ownedBySite(),
        d.failureReason(),
        d.createdAt(),
        d.updatedAt());
  }

  @Override
  protected void checkConstraints(CustomerDatabase database, Long id) {
    if (isLive(database)
        && !where(
                d ->
                    isLive(d)
                        && d.customerId().equals(database.customerId())
                        && d.name().equals(database.name())
                        && !d.id().equals(id))
            .isEmpty()) {
      throw new DuplicateKeyException(
          "duplicate key value violates unique constraint \"customer_database_name_uq\"");
    }
  }

  private static boolean isLive(CustomerDatabase database) {
    return database.status() != DatabaseStatus.DELETED;
  }

  @Override
  public List<CustomerDatabase> findLiveByCustomerId(long customerId) {
    return where(
        d -> d.customerId() == customerId && isLive(d), Comparator.comparing(CustomerDatabase::id));
  }

  @Override
  public Optional<CustomerDatabase> findByIdAndCustomerId(long id, long customerId) {
    return findById(id).filter(d -> d.customerId() == customerId);
  }

  @Override
  public Optional<CustomerDatabase> findLiveBySiteId(long siteId) {
    return where(
            d -> isLive(d) && d.siteId() != null && d.siteId() == siteId,
            Comparator.comparing((CustomerDatabase d) -> !d.ownedBySite())
                .thenComparing(CustomerDatabase::id))
        .stream()
        .findFirst();
  }

  @Override
  public int countLive(long customerId) {
    return findLiveByCustomerId(customerId).size();
  }

  @Override
  public boolean isNameTaken(long customerId, String name) {
    return findLiveByCustomerId(customerId).stream().anyMatch(d -> d.name().equals(name));
  }

  @Override
  public int updateStatus(long id, DatabaseStatus status, String reason) {
    CustomerDatabase d = findById(id).filter(InMemoryCustomerDatabases::isLive).orElse(null);
    if (d == null) {
      return 0;
    }
    save(
        new CustomerDatabase(
            id,
            d.customerId(),
            d.name(),
            d.username(),
            status,
            d.siteId(),
            d.ownedBySite(),
            reason,
            d.createdAt(),
            Instant.now()));
    return 1;
  }

  @Override
  public int link(long id, Long siteId) {
    CustomerDatabase d = findById(id).filter(x -> isLive(x) && !x.ownedBySite()).orElse(null);
    if (d == null) {
      return 0;
    }
    save(
        new CustomerDatabase(
            id,
            d.customerId(),
            d.name(),
            d.username(),
            d.status(),
            siteId,
            d.ownedBySite(),
            d.failureReason(),
            d.createdAt(),
            Instant.now()));
    return 1;
  }

  /** A customer's own database, as the panel creates it, then moved to {@code status}. */
  public CustomerDatabase add(long customerId, String name, DatabaseStatus status) {
    CustomerDatabase added = save(CustomerDatabase.creating(customerId, name, name, null, false));
    updateStatus(added.id(), status, null);
    return findById(added.id()).orElseThrow();
  }

  /** A WordPress site's own database, as the worker records it. */
  public CustomerDatabase addOwned(long customerId, long siteId, String name) {
    CustomerDatabase added = save(CustomerDatabase.creating(customerId, name, name, siteId, true));
    updateStatus(added.id(), DatabaseStatus.READY, null);
    return findById(added.id()).orElseThrow();
  }
}
