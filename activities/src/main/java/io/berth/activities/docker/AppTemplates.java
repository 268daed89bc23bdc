package io.berth.activities.docker;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders an app's {@link AppDefinition#env} and {@link AppDefinition#install} templates
 * may use, written {@code ${name}}, and their rendering. The catalog refuses any other {@code ${…}}
 * when it loads, so a typo stops the worker at start instead of reaching a container.
 */
public final class AppTemplates {

  /** The customer's database server on the customer's network (a container name). */
  public static final String DB_HOST = "db.host";

  public static final String DB_PORT = "db.port";
  public static final String DB_NAME = "db.name";
  public static final String DB_USER = "db.user";
  public static final String DB_PASSWORD = "db.password";

  /** The site's name, e.g. {@code blog}. */
  public static final String SITE_NAME = "site.name";

  /** The site's public address, e.g. {@code http://blog.berth.localhost:8880}. */
  public static final String SITE_URL = "site.url";

  /** A random value of 64 characters made once per site and kept (WordPress's keys and salts). */
  public static final String SITE_SALT = "site.salt";

  /** The title the customer chose for the site, else its name. */
  public static final String SITE_TITLE = "site.title";

  public static final String ADMIN_USER = "admin.user";

  /** The customer's e-mail address. */
  public static final String ADMIN_EMAIL = "admin.email";

  /** What environment variables may use. */
  public static final Set<String> ENV =
      Set.of(DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD, SITE_NAME, SITE_URL, SITE_SALT);

  /** What install commands may use; the admin password is never an argument. */
  public static final Set<String> INSTALL =
      Set.of(SITE_NAME, SITE_URL, SITE_TITLE, ADMIN_USER, ADMIN_EMAIL);

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
  private static final String DATABASE_PREFIX = "db.";

  private AppTemplates() {}

  /** The placeholders the template uses, in order. */
  public static Set<String> placeholders(String template) {
    Set<String> names = new LinkedHashSet<>();
    Matcher matcher = PLACEHOLDER.matcher(template);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  /** Whether the template needs a database's credentials. */
  public static boolean needsDatabase(String template) {
    return placeholders(template).stream().anyMatch(name -> name.startsWith(DATABASE_PREFIX));
  }

  /** The template with every placeholder replaced by its value; values are taken literally. */
  public static String render(String template, UnaryOperator<String> values) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = values.apply(matcher.group(1));
      if (value == null) {
        throw new IllegalArgumentException("No value for ${" + matcher.group(1) + "}");
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
