package io.berth.panel.database;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for a database's name, which is also its user's name: a lower-case letter first, then
 * letters, digits or {@code _}, at most 32 characters (what every MySQL client takes as a user
 * name), and none of MariaDB's own names. Unique per customer ({@link DatabaseService}).
 */
final class DatabaseNames {

  static final String FIELD = "name";
  static final int MAX_LENGTH = 32;
  static final String RULES =
      "A lower-case letter first, then letters, digits or _; at most "
          + MAX_LENGTH
          + " characters. The database's user has the same name.";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]*");

  /** MariaDB's own databases and accounts (the worker's adapter refuses them too). */
  private static final Set<String> RESERVED =
      Set.of(
          "mysql",
          "information_schema",
          "performance_schema",
          "sys",
          "test",
          "root",
          "mariadb",
          "mariadb_sys",
          "admin",
          "debian_sys_maint");

  private DatabaseNames() {}

  /** What is wrong with the name, in words the customer can act on; empty if it is fine. */
  static Optional<String> problem(String name) {
    if (name == null || name.isBlank()) {
      return Optional.of("Name the database, e.g. shop.");
    }
    if (name.length() > MAX_LENGTH) {
      return Optional.of("A database name has at most " + MAX_LENGTH + " characters.");
    }
    char first = name.charAt(0);
    if (first < 'a' || first > 'z') {
      return Optional.of("Start with a lower-case letter (a to z).");
    }
    if (!NAME.matcher(name).matches()) {
      return Optional.of("Use letters, digits and _ only.");
    }
    if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
      return Optional.of("\"" + name + "\" is reserved by MariaDB; choose another name.");
    }
    return Optional.empty();
  }
}
