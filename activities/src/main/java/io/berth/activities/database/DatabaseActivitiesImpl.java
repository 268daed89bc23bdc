package io.berth.activities.database;

import io.berth.activities.common.PermanentException;
import io.berth.persistence.database.CustomerDatabase;
import io.berth.persistence.database.CustomerDatabaseRepository;
import io.berth.persistence.secret.Passwords;
import io.berth.persistence.secret.SecretNames;
import io.berth.persistence.secret.SecretStore;
import io.berth.workflows.common.FailureType;
import io.berth.workflows.database.DatabaseActivities;
import io.berth.workflows.database.DatabaseStatus;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Customer databases on this host ({@code berth-host-<hostId>}), through the {@link
 * CustomerDatabases} port. Every password is generated here and kept in the {@link SecretStore}:
 * the server's root password as {@code dbserver:<customerId>:root}, a database user's as {@code
 * database:<id>:password}. Idempotent: a retry finds the secrets made by the first attempt, and the
 * adapter only creates what is missing.
 */
@Component("databaseActivities")
public class DatabaseActivitiesImpl implements DatabaseActivities {

  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final CustomerDatabaseRepository databases;
  private final CustomerDatabases servers;
  private final SecretStore secrets;
  private final DatabaseLimits limits;

  public DatabaseActivitiesImpl(
      CustomerDatabaseRepository databases,
      CustomerDatabases servers,
      SecretStore secrets,
      DatabaseLimits limits) {
    this.databases = databases;
    this.servers = servers;
    this.secrets = secrets;
    this.limits = limits;
  }

  /** The password a reset generated, kept until it is in place. */
  static String pendingResetSecret(long databaseId, String requestId) {
    return "database:" + databaseId + ":reset:" + requestId;
  }

  /** The id of the last reset that was completed: a repeat of it changes nothing. */
  static String lastResetSecret(long databaseId) {
    return "database:" + databaseId + ":reset-done";
  }

  @Override
  public void ensureDatabase(long databaseId) {
    CustomerDatabase database = live(databaseId);
    long customer = database.customerId();
    Secret root =
        Secret.of(
            secrets.getOrCreate(SecretNames.databaseServerRoot(customer), Passwords::generate));
    servers.ensureServer(customer, limits, root);
    Secret password =
        Secret.of(secrets.getOrCreate(database.passwordSecret(), Passwords::generate));
    servers.ensureDatabase(customer, database.name(), database.username(), password);
    databases.updateStatus(databaseId, DatabaseStatus.READY, null);
  }

  /**
   * The new password is generated once per request and kept under a pending name until it is set on
   * the server and stored as the database's password; then the request is marked done. A retry in
   * between sets the same pending password again; a repeat of a done request changes nothing.
   */
  @Override
  public void resetPassword(long databaseId, String requestId) {
    if (requestId == null || !REQUEST_ID.matcher(requestId).matches()) {
      throw new PermanentException(
          FailureType.INVALID_INPUT,
          "A password reset needs a request id of 1 to 64 letters, digits, - or _");
    }
    CustomerDatabase database = live(databaseId);
    String pending = pendingResetSecret(databaseId, requestId);
    boolean done = secrets.read(lastResetSecret(databaseId)).filter(requestId::equals).isPresent();
    if (!done) {
      String password = secrets.getOrCreate(pending, Passwords::generate);
      servers.resetPassword(database.customerId(), database.username(), Secret.of(password));
      secrets.put(database.passwordSecret(), password);
      secrets.put(lastResetSecret(databaseId), requestId);
    }
    secrets.delete(pending);
  }

  /** Drops it on the server, marks it DELETED and forgets its password; repeatable. */
  @Override
  public void dropDatabase(long databaseId) {
    CustomerDatabase database =
        databases
            .findById(databaseId)
            .orElseThrow(
                () ->
                    new PermanentException(
                        FailureType.NOT_FOUND, "Database " + databaseId + " not found"));
    servers.dropDatabase(database.customerId(), database.name(), database.username());
    databases.updateStatus(databaseId, DatabaseStatus.DELETED, null);
    secrets.delete(database.passwordSecret());
    secrets.delete(lastResetSecret(databaseId));
  }

  private CustomerDatabase live(long databaseId) {
    CustomerDatabase database =
        databases
            .findById(databaseId)
            .orElseThrow(
                () ->
                    new PermanentException(
                        FailureType.NOT_FOUND, "Database " + databaseId + " not found"));
    if (database.status() == DatabaseStatus.DELETED) {
      throw new PermanentException(
          FailureType.NOT_FOUND, "Database " + database.name() + " has been deleted");
    }
    return database;
  }
}
