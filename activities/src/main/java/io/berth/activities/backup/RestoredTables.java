package io.berth.activities.backup;

import static io.berth.activities.backup.MariaDbTools.identifier;

import io.berth.activities.common.PermanentException;
import io.berth.activities.database.DatabaseNames;
import io.berth.workflows.common.FailureType;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A restore's tables on the customer's MariaDB server. The dump is loaded into a staging database
 * ({@code berth_restore_<restoreId>}) beside the live one; the swap moves the live tables into
 * {@code berth_old_<restoreId>} and the staged ones into the live database with one {@code RENAME
 * TABLE}, which MariaDB does atomically. A marker table ({@code berth_restore_mark_<restoreId>})
 * travels in the same statement, from the staging database to the aside one, so whether the swap
 * happened is always known, and a retry or a rollback converges.
 *
 * <p>Tables only: MariaDB does not move tables with triggers to another database, and views and
 * routines stay in the database they were made in.
 */
public class RestoredTables {

  private final MariaDbTools tools;

  public RestoredTables(MariaDbTools tools) {
    this.tools = tools;
  }

  static String staging(long restoreId) {
    return "berth_restore_" + restoreId;
  }

  static String aside(long restoreId) {
    return "berth_old_" + restoreId;
  }

  static String marker(long restoreId) {
    return "berth_restore_mark_" + restoreId;
  }

  /** Loads the dump into a fresh staging database, then marks it staged. */
  void stage(
      long customerId, long restoreId, InputStream dumpGz, long gzipBytes, Runnable heartbeat) {
    String container = DatabaseNames.container(customerId);
    String staging = staging(restoreId);
    tools.sql(
        container,
        "DROP DATABASE IF EXISTS "
            + identifier(staging)
            + "; CREATE DATABASE "
            + identifier(staging)
            + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    tools.load(container, staging, dumpGz, gzipBytes, heartbeat);
    tools.sql(
        container,
        "CREATE TABLE " + identifier(staging) + "." + identifier(marker(restoreId)) + " (id INT)");
  }

  /** Swaps the staged tables in for the live ones; no-op when done already. */
  void swap(long customerId, long restoreId, String live) {
    DatabaseNames.requireDatabase(live);
    String container = DatabaseNames.container(customerId);
    String staging = staging(restoreId);
    String aside = aside(restoreId);
    String marker = marker(restoreId);
    if (!swapped(container, restoreId)) {
      if (!tools.databaseExists(container, staging)
          || !tools.tables(container, staging).contains(marker)) {
        throw new PermanentException(
            FailureType.INVALID_INPUT,
            "Restore " + restoreId + " has no staged tables: stage the restore first");
      }
      List<String> moves = new ArrayList<>();
      for (String table : tools.tables(container, live)) {
        moves.add(move(live, aside, table));
      }
      for (String table : tools.tables(container, staging)) {
        moves.add(table.equals(marker) ? move(staging, aside, table) : move(staging, live, table));
      }
      tools.sql(
          container,
          "CREATE DATABASE IF NOT EXISTS "
              + identifier(aside)
              + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci; RENAME TABLE "
              + String.join(", ", moves));
    }
    tools.sql(container, "DROP DATABASE IF EXISTS " + identifier(staging));
  }

  /** Puts the tables that were live before the swap back; drops the staged and aside ones. */
  void rollback(long customerId, long restoreId, String live) {
    DatabaseNames.requireDatabase(live);
    String container = DatabaseNames.container(customerId);
    String staging = staging(restoreId);
    String aside = aside(restoreId);
    String marker = marker(restoreId);
    if (swapped(container, restoreId)) {
      List<String> moves = new ArrayList<>();
      for (String table : tools.tables(container, live)) {
        moves.add(move(live, staging, table));
      }
      for (String table : tools.tables(container, aside)) {
        moves.add(table.equals(marker) ? move(aside, staging, table) : move(aside, live, table));
      }
      tools.sql(
          container,
          "CREATE DATABASE IF NOT EXISTS "
              + identifier(staging)
              + "; RENAME TABLE "
              + String.join(", ", moves));
    }
    finish(customerId, restoreId);
  }

  /** Drops the aside and staging databases; no-op when they are gone. */
  void finish(long customerId, long restoreId) {
    tools.sql(
        DatabaseNames.container(customerId),
        "DROP DATABASE IF EXISTS "
            + identifier(aside(restoreId))
            + "; DROP DATABASE IF EXISTS "
            + identifier(staging(restoreId)));
  }

  private boolean swapped(String container, long restoreId) {
    String aside = aside(restoreId);
    return tools.databaseExists(container, aside)
        && tools.tables(container, aside).contains(marker(restoreId));
  }

  private static String move(String fromDatabase, String toDatabase, String table) {
    return identifier(fromDatabase)
        + "."
        + identifier(table)
        + " TO "
        + identifier(toDatabase)
        + "."
        + identifier(table);
  }
}
