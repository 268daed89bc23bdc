package io.berth.activities.site;

import io.berth.activities.common.PermanentException;
import io.berth.activities.database.CustomerDatabases;
import io.berth.activities.database.DatabaseNames;
import io.berth.activities.docker.AppCatalog;
import io.berth.activities.docker.AppDatabase;
import io.berth.activities.docker.AppDefinition;
import io.berth.activities.docker.AppTemplates;
import io.berth.activities.docker.ContainerEnvironment;
import io.berth.activities.proxy.SiteAddresses;
import io.berth.persistence.database.CustomerDatabase;
import io.berth.persistence.database.CustomerDatabaseRepository;
import io.berth.persistence.secret.Passwords;
import io.berth.persistence.secret.SecretNames;
import io.berth.persistence.secret.SecretStore;
import io.berth.workflows.common.FailureType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a site's container is given, rendered on the host from the app's templates ({@link
 * AppDefinition#env}, {@link AppDefinition#install}): the site's row, its database (its own, or the
 * one linked to it) and the platform's secrets. Credentials never pass through a workflow; they are
 * read (or made, once) here, at the moment the container is made or the app installed.
 *
 * <p>Secrets it makes on first need: the site's salt ({@code site:<id>:wp-salt}, 64 characters),
 * the admin password ({@code site:<id>:wp-admin}) and the database password ({@code
 * database:<id>:password}, the same one {@code DatabaseActivities} sets on the server).
 */
@Component
public class SiteEnvironment {

  /** The administrator an install step creates. */
  static final String ADMIN_USER = "admin";

  static final int SALT_LENGTH = 64;

  private final JdbcClient jdbc;
  private final CustomerDatabaseRepository databases;
  private final SecretStore secrets;
  private final AppCatalog catalog;
  private final SiteAddresses addresses;

  public SiteEnvironment(
      JdbcClient jdbc,
      CustomerDatabaseRepository databases,
      SecretStore secrets,
      AppCatalog catalog,
      SiteAddresses addresses) {
    this.jdbc = jdbc;
    this.databases = databases;
    this.secrets = secrets;
    this.catalog = catalog;
    this.addresses = addresses;
  }

  /**
   * The container's environment: every variable of the app's {@code env}, except, when the site has
   * no database (an OPTIONAL app not linked to one), those that need a database.
   *
   * @throws PermanentException NOT_FOUND for an unknown site, or an app that REQUIRES a database
   *     for a site that has none
   */
  public ContainerEnvironment containerEnvironment(long siteId) {
    SiteRow site = site(siteId);
    AppDefinition app = catalog.require(site.app());
    if (app.env().isEmpty()) {
      return ContainerEnvironment.NONE;
    }
    Optional<CustomerDatabase> database = database(site, app);
    UnaryOperator<String> values = values(site, database);
    Map<String, String> rendered = new LinkedHashMap<>();
    app.env()
        .forEach(
            (name, template) -> {
              if (database.isEmpty() && AppTemplates.needsDatabase(template)) {
                return;
              }
              rendered.put(name, AppTemplates.render(template, values));
            });
    return ContainerEnvironment.of(rendered);
  }

  /**
   * The app's install step for the site, if the app has one: the command with the site's title
   * (else its name), the admin user {@code admin} and the customer's e-mail, and the admin password
   * (generated once, kept as {@code site:<id>:wp-admin}).
   */
  Optional<InstallStep> installStep(long siteId) {
    SiteRow site = site(siteId);
    AppDefinition app = catalog.require(site.app());
    if (!app.installs()) {
      return Optional.empty();
    }
    UnaryOperator<String> values = values(site, Optional.empty());
    List<String> command =
        app.install().stream().map(argument -> AppTemplates.render(argument, values)).toList();
    String password =
        secrets.getOrCreate(SecretNames.siteAdminPassword(siteId), Passwords::generate);
    return Optional.of(new InstallStep(app.app(), command, password));
  }

  /**
   * Forgets the secrets made for the site (salt, admin password): for a site that never went live,
   * with its files.
   */
  void forget(long siteId) {
    secrets.delete(SecretNames.siteAdminPassword(siteId));
    secrets.delete(SecretNames.siteSalt(siteId));
  }

  private Optional<CustomerDatabase> database(SiteRow site, AppDefinition app) {
    if (app.database() == AppDatabase.NONE) {
      return Optional.empty();
    }
    Optional<CustomerDatabase> database = databases.findLiveBySiteId(site.id());
    if (database.isEmpty() && app.database() == AppDatabase.REQUIRED) {
      throw new PermanentException(
          FailureType.NOT_FOUND,
          "Site "
              + site.name()
              + " needs a database of its own and has none; it is made when the site is set up");
    }
    return database;
  }

  /** Each placeholder's value, worked out (and a secret made) only when a template uses it. */
  private UnaryOperator<String> values(SiteRow site, Optional<CustomerDatabase> database) {
    Map<String, Supplier<String>> sources = new HashMap<>();
    sources.put(AppTemplates.SITE_NAME, site::name);
    sources.put(AppTemplates.SITE_URL, () -> addresses.url(site.name()));
    sources.put(
        AppTemplates.SITE_TITLE,
        () -> site.title() == null || site.title().isBlank() ? site.name() : site.title().strip());
    sources.put(
        AppTemplates.SITE_SALT,
        () ->
            secrets.getOrCreate(
                SecretNames.siteSalt(site.id()), () -> Passwords.generate(SALT_LENGTH)));
    sources.put(AppTemplates.ADMIN_USER, () -> ADMIN_USER);
    sources.put(AppTemplates.ADMIN_EMAIL, site::email);
    database.ifPresent(
        db -> {
          sources.put(AppTemplates.DB_HOST, () -> DatabaseNames.container(db.customerId()));
          sources.put(AppTemplates.DB_PORT, () -> Integer.toString(CustomerDatabases.PORT));
          sources.put(AppTemplates.DB_NAME, db::name);
          sources.put(AppTemplates.DB_USER, db::username);
          sources.put(
              AppTemplates.DB_PASSWORD,
              () -> secrets.getOrCreate(db.passwordSecret(), Passwords::generate));
        });
    Map<String, String> resolved = new HashMap<>();
    return name -> {
      Supplier<String> source = sources.get(name);
      return source == null ? null : resolved.computeIfAbsent(name, n -> source.get());
    };
  }

  private SiteRow site(long siteId) {
    return jdbc.sql(
            """
            SELECT s.id, s.customer_id, s.name, s.title, s.app, c.email
              FROM site s JOIN customer c ON c.id = s.customer_id
             WHERE s.id = :id
            """)
        .param("id", siteId)
        .query(SiteRow.class)
        .optional()
        .orElseThrow(
            () -> new PermanentException(FailureType.NOT_FOUND, "Site " + siteId + " not found"));
  }

  /** The columns of a site (and its customer) that the templates use. */
  record SiteRow(long id, long customerId, String name, String title, String app, String email) {}
}
