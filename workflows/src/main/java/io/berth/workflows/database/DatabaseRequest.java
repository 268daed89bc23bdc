package io.berth.workflows.database;

/**
 * Input of {@link DatabaseWorkflow}.
 *
 * @param hostId the host of the customer's sites, where the customer's database server runs
 * @param ready true when continued as new after the database was made
 */
public record DatabaseRequest(long databaseId, long customerId, String hostId, boolean ready) {}
