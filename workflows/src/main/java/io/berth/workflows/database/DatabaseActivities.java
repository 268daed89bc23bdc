package io.berth.workflows.database;

import io.temporal.activity.ActivityInterface;

/**
 * Customer databases, on the host of the customer's sites ({@code berth-host-<hostId>}): one
 * MariaDB server per customer on the customer's private network. Credentials never pass through a
 * workflow: activities generate them, store them encrypted and read them from there. Idempotent.
 */
@ActivityInterface
public interface DatabaseActivities {

  /**
   * Makes the database ready: the customer's server running (created on first need, with a
   * generated root password), the database and its user (password generated once), grants on that
   * database only. Marks it READY.
   */
  void ensureDatabase(long databaseId);

  /**
   * Gives the database's user a new generated password, stored encrypted for the customer to see
   * once. Idempotent per {@code requestId}: a retry of the same request sets the password it
   * generated the first time.
   */
  void resetPassword(long databaseId, String requestId);

  /** Drops the database and its user with all their data and marks it DELETED. */
  void dropDatabase(long databaseId);
}
