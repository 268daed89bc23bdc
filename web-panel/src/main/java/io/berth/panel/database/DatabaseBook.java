package io.berth.panel.database;

import io.berth.panel.common.ConflictException;
import io.berth.panel.common.CustomerLocks;
import io.berth.panel.plan.Allowances;
import io.berth.persistence.database.CustomerDatabase;
import io.berth.persistence.database.CustomerDatabaseRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a new database's row after checking, under the customer's lock, that the plan allows one
 * more: two concurrent requests cannot both take the last one. The unique index on a customer's
 * live names has the last word on names.
 */
@Component
class DatabaseBook {

  private final CustomerDatabaseRepository databases;
  private final Allowances allowances;
  private final CustomerLocks locks;

  DatabaseBook(CustomerDatabaseRepository databases, Allowances allowances, CustomerLocks locks) {
    this.databases = databases;
    this.allowances = allowances;
    this.locks = locks;
  }

  /** A database of the customer's own (not a site's): its user has the database's name. */
  @Transactional
  CustomerDatabase create(long customerId, String name) {
    locks.lock(customerId);
    allowances
        .databaseRefusal(customerId)
        .ifPresent(
            reason -> {
              throw new ConflictException(reason);
            });
    if (DatabaseService.isTaken(databases, customerId, name)) {
      throw DatabaseService.taken(name);
    }
    return databases.save(CustomerDatabase.creating(customerId, name, name, null, false));
  }
}
