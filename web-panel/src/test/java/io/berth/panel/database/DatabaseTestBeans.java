package io.berth.panel.database;

import io.berth.panel.plan.Allowances;
import io.berth.panel.testing.InMemoryCustomerDatabases;
import io.berth.panel.testing.InMemorySecrets;
import io.berth.panel.testing.InMemorySites;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The database feature over in-memory repositories, with fake database workflows. */
@TestConfiguration
public class DatabaseTestBeans {

  @Bean
  public FakeDatabaseWorkflows fakeDatabaseWorkflows(InMemorySecrets secrets) {
    return new FakeDatabaseWorkflows(secrets);
  }

  @Bean
  DatabaseService databaseService(
      InMemoryCustomerDatabases databases,
      InMemorySites sites,
      FakeDatabaseWorkflows workflows,
      InMemorySecrets secrets,
      Allowances allowances) {
    DatabaseBook book = new DatabaseBook(databases, allowances, customerId -> {});
    return new DatabaseService(databases, sites, book, workflows, secrets, allowances);
  }
}
