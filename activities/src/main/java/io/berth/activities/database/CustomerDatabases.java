package io.berth.activities.database;

/**
 * Port to the customers' database servers on one host: one MariaDB server per customer, in its own
 * container on the customer's private network, and the databases and users inside it.
 *
 * <p>Every method is idempotent: the server's container, volume and network are named after the
 * customer, and the SQL only creates what is missing, so a retried activity converges. Secrets are
 * always supplied by the caller (generated once and stored encrypted by the platform); the adapter
 * never invents, logs or puts them in an exception message. Bad input is a {@link
 * io.berth.activities.common.PermanentException}; anything else (engine unreachable, server still
 * starting) is transient and worth retrying.
 */
public interface CustomerDatabases {

  /** The port every customer's server listens on, inside the customer's network only. */
  int PORT = 3306;

  /**
   * Converges the customer's database server to the limits and leaves it running and accepting
   * connections: creates its container, network and data volume if missing, keeps an identical
   * container, or replaces a different one keeping the volume (and so the data). The server is not
   * published on any host port. The root account accepts {@code rootPassword} on the server's own
   * socket only (never over the network), and it is set again on every call.
   *
   * @return where the customer's other containers reach the server
   * @throws io.berth.activities.common.PermanentException INVALID_INPUT for a bad id, limits or
   *     password, NOT_FOUND when the database image is not on this host, CONFLICT when an object of
   *     that name belongs to someone else
   */
  DatabaseServer ensureServer(long customerId, DatabaseLimits limits, Secret rootPassword);

  /**
   * Creates the database and its user if missing, sets the user's password and grants the user all
   * privileges on that database and nothing else. Repeating it changes nothing but the password,
   * which ends up as given.
   *
   * @throws io.berth.activities.common.PermanentException INVALID_INPUT for a bad name or password,
   *     NOT_FOUND when the customer has no database server here
   */
  void ensureDatabase(long customerId, String database, String user, Secret password);

  /**
   * Sets a new password for an existing user.
   *
   * @throws io.berth.activities.common.PermanentException NOT_FOUND when the user does not exist
   */
  void resetPassword(long customerId, String user, Secret password);

  /**
   * Drops the database and its user, with all the data in it; no-op for what no longer exists,
   * including a customer without a server.
   */
  void dropDatabase(long customerId, String database, String user);

  /**
   * Stops the customer's server cleanly and removes its container; the data volume stays. No-op
   * when there is no container.
   */
  void removeServer(long customerId);
}
