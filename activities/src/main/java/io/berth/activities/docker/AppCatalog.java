package io.berth.activities.docker;

import com.github.dockerjava.api.model.Capability;
import io.berth.activities.common.PermanentException;
import io.berth.workflows.common.FailureType;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The apps a site can be made from, as data: one {@link AppDefinition} per app. Operators add apps
 * or point them at other images with properties {@code berth.apps.<name>.*} (see {@link Settings});
 * the built-in apps ({@code static}, {@code php}, {@code node}, {@code wordpress}) can be
 * overridden field by field.
 */
public final class AppCatalog {

  /** Where every built-in app serves from and keeps the site's files. */
  private static final int PORT = 8080;

  private static final String DATA_PATH = "/srv/site";
  private static final List<String> TMPFS = List.of("/tmp", "/run");

  /**
   * The database variables the Berth images read; {@code BERTH_DB_HOST} is {@code host:port}. Only
   * set when the site has a database.
   */
  private static final Map<String, String> DATABASE_ENV =
      Map.of(
          "BERTH_DB_HOST", "${" + AppTemplates.DB_HOST + "}:${" + AppTemplates.DB_PORT + "}",
          "BERTH_DB_NAME", "${" + AppTemplates.DB_NAME + "}",
          "BERTH_DB_USER", "${" + AppTemplates.DB_USER + "}",
          "BERTH_DB_PASSWORD", "${" + AppTemplates.DB_PASSWORD + "}");

  /** The built-in static app: Debian's nginx serving the site's volume, read-only root. */
  public static final AppDefinition STATIC =
      new AppDefinition("static", "berth/static:1", PORT, DATA_PATH, List.of(), true, TMPFS);

  /** php-fpm and nginx serving the site's volume; a linked database's credentials if any. */
  public static final AppDefinition PHP =
      new AppDefinition(
          "php",
          "berth/php:1",
          PORT,
          DATA_PATH,
          List.of(),
          true,
          TMPFS,
          DATABASE_ENV,
          AppDatabase.OPTIONAL,
          List.of());

  /** Node.js running the site's {@code server.js}; a linked database's credentials if any. */
  public static final AppDefinition NODE =
      new AppDefinition(
          "node",
          "berth/node:1",
          PORT,
          DATA_PATH,
          List.of(),
          true,
          TMPFS,
          DATABASE_ENV,
          AppDatabase.OPTIONAL,
          List.of());

  /** WordPress with a database of its own, installed by the image's {@code berth-wp-install}. */
  public static final AppDefinition WORDPRESS =
      new AppDefinition(
          "wordpress",
          "berth/wordpress:1",
          PORT,
          DATA_PATH,
          List.of(),
          true,
          TMPFS,
          with(
              DATABASE_ENV,
              Map.of(
                  "BERTH_SITE_URL", "${" + AppTemplates.SITE_URL + "}",
                  "BERTH_WP_SALT", "${" + AppTemplates.SITE_SALT + "}")),
          AppDatabase.REQUIRED,
          List.of(
              "berth-wp-install",
              "--title",
              "${" + AppTemplates.SITE_TITLE + "}",
              "--admin-user",
              "${" + AppTemplates.ADMIN_USER + "}",
              "--admin-email",
              "${" + AppTemplates.ADMIN_EMAIL + "}",
              "--admin-password-stdin"));

  /** The apps every host offers unless configured otherwise. */
  public static final List<AppDefinition> BUILT_IN = List.of(STATIC, PHP, NODE, WORDPRESS);

  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern APP_NAME = Pattern.compile("[a-z][a-z0-9-]{0,30}");

  private final SortedMap<String, AppDefinition> apps;

  public AppCatalog(Collection<AppDefinition> apps) {
    var byName = new TreeMap<String, AppDefinition>();
    for (AppDefinition app : apps) {
      validate(app);
      if (byName.put(app.app(), app) != null) {
        throw new IllegalArgumentException("App \"" + app.app() + "\" is defined twice");
      }
    }
    this.apps = Collections.unmodifiableSortedMap(byName);
  }

  /** The built-in apps, each overridden or completed by the configured settings of that name. */
  public static AppCatalog withDefaults(Map<String, Settings> configured) {
    var merged = new TreeMap<String, AppDefinition>();
    BUILT_IN.forEach(app -> merged.put(app.app(), app));
    configured.forEach(
        (name, settings) -> {
          var base = merged.get(name);
          merged.put(name, settings.applyTo(name, base));
        });
    return new AppCatalog(merged.values());
  }

  /**
   * The definition of an app.
   *
   * @throws PermanentException of type {@link FailureType#INVALID_INPUT} for an unknown app
   */
  public AppDefinition require(String app) {
    return find(app)
        .orElseThrow(
            () ->
                new PermanentException(
                    FailureType.INVALID_INPUT,
                    "Unknown app \""
                        + app
                        + "\": this host offers "
                        + String.join(", ", apps.keySet())
                        + "."));
  }

  public Optional<AppDefinition> find(String app) {
    return Optional.ofNullable(app == null ? null : apps.get(app));
  }

  /** The apps' names, sorted. */
  public Set<String> names() {
    return apps.keySet();
  }

  private static void validate(AppDefinition app) {
    String where = "App \"" + app.app() + "\": ";
    if (!APP_NAME.matcher(app.app()).matches()) {
      throw new IllegalArgumentException(
          where + "the name must be lowercase letters, digits and hyphens");
    }
    if (app.image().isBlank()) {
      throw new IllegalArgumentException(where + "image is missing");
    }
    if (app.port() < 1 || app.port() > 65535) {
      throw new IllegalArgumentException(where + "port must be 1-65535, not " + app.port());
    }
    if (!isAbsolute(app.dataPath()) || app.dataPath().equals("/")) {
      throw new IllegalArgumentException(
          where + "data-path must be an absolute directory, not \"" + app.dataPath() + "\"");
    }
    for (String path : app.tmpfs()) {
      if (!isAbsolute(path)) {
        throw new IllegalArgumentException(where + "tmpfs path \"" + path + "\" is not absolute");
      }
    }
    for (String cap : app.capAdd()) {
      capability(cap);
    }
    app.env()
        .forEach(
            (name, template) -> {
              if (!ENV_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(
                    where
                        + "\""
                        + name
                        + "\" is not an environment variable name (letters, digits, _)");
              }
              if (template == null) {
                throw new IllegalArgumentException(where + "env " + name + " has no value");
              }
              requireKnown(where + "env " + name, template, AppTemplates.ENV);
              if (app.database() == AppDatabase.NONE && AppTemplates.needsDatabase(template)) {
                throw new IllegalArgumentException(
                    where + "env " + name + " needs a database but the app's database is NONE");
              }
            });
    for (String argument : app.install()) {
      if (argument == null) {
        throw new IllegalArgumentException(where + "install has an empty argument");
      }
      requireKnown(where + "install", argument, AppTemplates.INSTALL);
    }
  }

  private static void requireKnown(String where, String template, Set<String> known) {
    for (String placeholder : AppTemplates.placeholders(template)) {
      if (!known.contains(placeholder)) {
        throw new IllegalArgumentException(
            where
                + " uses ${"
                + placeholder
                + "}, which is not one of "
                + known.stream().sorted().map(name -> "${" + name + "}").toList());
      }
    }
  }

  private static Map<String, String> with(Map<String, String> base, Map<String, String> more) {
    var merged = new TreeMap<String, String>(base);
    merged.putAll(more);
    return merged;
  }

  private static boolean isAbsolute(String path) {
    return path.startsWith("/") && !path.contains("..");
  }

  /** The Docker capability named {@code NET_BIND_SERVICE} or {@code CAP_NET_BIND_SERVICE}. */
  static Capability capability(String name) {
    String bare = name.trim().toUpperCase(Locale.ROOT).replaceFirst("^CAP_", "");
    try {
      return Capability.valueOf(bare);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Unknown capability \""
              + name
              + "\"; known: "
              + Arrays.toString(Capability.values()).replaceAll("[\\[\\]]", ""));
    }
  }

  /**
   * One app as configured under {@code berth.apps.<name>}; every field is optional for an app that
   * is built in, and image, port and data-path are required for a new one. Environment variables
   * are added to (or replace) the built-in ones by name; {@code install} replaces the built-in
   * command (empty for none). Write a variable's name in brackets to keep its case and underscores,
   * and the placeholders ({@link AppTemplates}) as they are:
   *
   * <pre>
   * berth.apps.static.image=registry.example.com/berth/static:1.4
   * berth.apps.ghost.image=registry.example.com/ghost:5
   * berth.apps.ghost.port=2368
   * berth.apps.ghost.data-path=/var/lib/ghost/content
   * berth.apps.ghost.database=required
   * berth.apps.ghost.env[database__connection__host]=${db.host}
   * berth.apps.ghost.env[database__connection__password]=${db.password}
   * berth.apps.ghost.env[url]=${site.url}
   * </pre>
   */
  public record Settings(
      String image,
      Integer port,
      String dataPath,
      List<String> capAdd,
      Boolean readOnlyRootfs,
      List<String> tmpfs,
      Map<String, String> env,
      AppDatabase database,
      List<String> install) {

    AppDefinition applyTo(String name, AppDefinition base) {
      if (base == null && (image == null || port == null || dataPath == null)) {
        throw new IllegalArgumentException(
            "App \""
                + name
                + "\": berth.apps."
                + name
                + ".image, .port and .data-path are required for an app that is not built in");
      }
      Map<String, String> mergedEnv = new TreeMap<>(base == null ? Map.of() : base.env());
      if (env != null) {
        mergedEnv.putAll(env);
      }
      return new AppDefinition(
          name,
          image != null ? image : base.image(),
          port != null ? port : base.port(),
          dataPath != null ? dataPath : base.dataPath(),
          capAdd != null ? capAdd : base == null ? List.of() : base.capAdd(),
          readOnlyRootfs != null ? readOnlyRootfs : base != null && base.readOnlyRootfs(),
          tmpfs != null ? tmpfs : base == null ? List.of() : base.tmpfs(),
          mergedEnv,
          database != null ? database : base == null ? AppDatabase.NONE : base.database(),
          install != null ? install : base == null ? List.of() : base.install());
    }
  }
}
