package io.berth.activities.database;

import io.berth.activities.common.PermanentException;
import io.berth.workflows.common.FailureType;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names of a customer's database server objects, and the rules for database and user names. A name
 * that passes {@link #requireDatabase} or {@link #requireUser} is safe to quote into SQL: it holds
 * only ASCII letters, digits and underscores.
 */
public final class DatabaseNames {

  /** Label: marks a customer's database server container and volume. */
  public static final String LABEL_ROLE = "io.berth.role";

  public static final String ROLE_DATABASE = "database";

  /** MariaDB allows 64; a database name is also shown to people and typed into apps. */
  public static final int MAX_DATABASE_LENGTH = 64;

  /** MariaDB allows 80, MySQL clients and tools 32: keep every client happy. */
  public static final int MAX_USER_LENGTH = 32;

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  private static final Set<String> RESERVED_DATABASES =
      Set.of("mysql", "information_schema", "performance_schema", "sys", "test");

  private static final Set<String> RESERVED_USERS =
      Set.of("root", "mysql", "mariadb", "mariadb_sys", "admin", "debian_sys_maint");

  private DatabaseNames() {}

  /** The container of a customer's database server: {@code berth-db-<customerId>}. */
  public static String container(long customerId) {
    return "berth-db-" + customerId;
  }

  /** The volume that holds a customer's databases: {@code berth-db-<customerId>-data}. */
  public static String volume(long customerId) {
    return "berth-db-" + customerId + "-data";
  }

  /** Returns the name if it is a valid database name. */
  public static String requireDatabase(String name) {
    require("Database", name, MAX_DATABASE_LENGTH);
    if (RESERVED_DATABASES.contains(name.toLowerCase(Locale.ROOT))) {
      throw new PermanentException(
          FailureType.INVALID_INPUT, "Database name '" + name + "' is reserved; choose another");
    }
    return name;
  }

  /** Returns the name if it is a valid user name. */
  public static String requireUser(String name) {
    require("Database user", name, MAX_USER_LENGTH);
    if (RESERVED_USERS.contains(name.toLowerCase(Locale.ROOT))) {
      throw new PermanentException(
          FailureType.INVALID_INPUT, "User name '" + name + "' is reserved; choose another");
    }
    return name;
  }

  private static void require(String what, String name, int maxLength) {
    if (name == null || name.isEmpty()) {
      throw new PermanentException(FailureType.INVALID_INPUT, what + " name is missing");
    }
    if (name.length() > maxLength) {
      throw new PermanentException(
          FailureType.INVALID_INPUT, what + " name is longer than " + maxLength + " characters");
    }
    if (!NAME.matcher(name).matches()) {
      throw new PermanentException(
          FailureType.INVALID_INPUT,
          what
              + " name '"
              + printable(name)
              + "' is not allowed: use letters, digits and underscores, starting with a letter");
    }
  }

  /** The name as it may appear in a message: control characters and long tails cut off. */
  private static String printable(String name) {
    String shown = name.length() > 80 ? name.substring(0, 80) + "…" : name;
    return shown.replaceAll("\\p{Cntrl}", "?");
  }
}
