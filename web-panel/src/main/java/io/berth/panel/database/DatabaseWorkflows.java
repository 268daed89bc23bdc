package io.berth.panel.database;

import io.berth.workflows.database.DatabaseRequest;

/**
 * The panel's port to the databases' entity workflows ({@code database-<id>}) and to the signal
 * that tells a site its database credentials changed. Failures arrive as the panel's own
 * exceptions: {@link io.berth.panel.common.ConflictException} when a workflow refuses or is not
 * running, {@link io.berth.panel.common.ServiceUnavailableException} when Temporal or the worker
 * does not answer in time.
 */
interface DatabaseWorkflows {

  /**
   * Starts {@code database-<id>} on {@code berth-control} with the customer's search attribute.
   *
   * @throws RuntimeException if it could not be started (Temporal unreachable, id in use)
   */
  void start(DatabaseRequest request);

  /**
   * Has the workflow set a new generated password; returns once it is set (and stored encrypted for
   * the panel to read once).
   */
  void resetPassword(long databaseId, String requestId);

  /** Asks the workflow to drop the database; false if it has no running workflow. */
  boolean delete(long databaseId);

  /**
   * Tells {@code site-<siteId>} that its container's database credentials changed (linked,
   * unlinked); false if the site has no running workflow (it reads them when it is set up).
   */
  boolean siteEnvironmentChanged(long siteId);
}
