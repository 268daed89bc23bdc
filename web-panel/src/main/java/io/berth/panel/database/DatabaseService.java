package io.berth.panel.database;

import io.berth.panel.common.Caller;
import io.berth.panel.common.ConflictException;
import io.berth.panel.common.InvalidInputException;
import io.berth.panel.common.NotFoundException;
import io.berth.panel.common.Secrets;
import io.berth.panel.common.ServiceUnavailableException;
import io.berth.panel.plan.Allowances;
import io.berth.panel.site.AppCatalog;
import io.berth.persistence.database.CustomerDatabase;
import io.berth.persistence.database.CustomerDatabaseRepository;
import io.berth.persistence.site.Site;
import io.berth.persistence.site.SiteRepository;
import io.berth.workflows.database.DatabaseRequest;
import io.berth.workflows.database.DatabaseStatus;
import io.berth.workflows.site.SiteStatus;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * A customer's databases, on their own MariaDB server next to their sites: create (the plan's
 * limit, a live site needed), reset a user's password (shown once), delete, link to a PHP or
 * Node.js site. A WordPress site's own database is listed too, but WordPress keeps its password and
 * it goes with the site. The panel and the API call the same methods; another customer's database
 * is "not found".
 */
@Service
class DatabaseService {

  /** Where every customer's server listens, on their private network only. */
  static final int PORT = 3306;

  static final String SITE_FIELD = "siteId";
  static final String NO_LIVE_SITE =
      "A database runs next to your sites, on your private network, so you need a live site"
          + " first: order one, or wait until yours is set up.";
  static final String START_FAILED =
      "Your database could not be created because the workflow service is unreachable; nothing"
          + " was set up. Try again in a moment.";
  static final String START_FAILED_REASON =
      "Not created: the workflow service was unreachable when it was asked for.";

  private static final Logger log = LoggerFactory.getLogger(DatabaseService.class);

  private final CustomerDatabaseRepository databases;
  private final SiteRepository sites;
  private final DatabaseBook book;
  private final DatabaseWorkflows workflows;
  private final Secrets secrets;
  private final Allowances allowances;

  DatabaseService(
      CustomerDatabaseRepository databases,
      SiteRepository sites,
      DatabaseBook book,
      DatabaseWorkflows workflows,
      Secrets secrets,
      Allowances allowances) {
    this.databases = databases;
    this.sites = sites;
    this.book = book;
    this.workflows = workflows;
    this.secrets = secrets;
    this.allowances = allowances;
  }

  /** The name of a customer's database server on their private network. */
  static String host(long customerId) {
    return "berth-db-" + customerId;
  }

  /** The caller's databases that have not been deleted, oldest first. */
  List<DatabaseSummary> databasesOf(Caller caller) {
    Map<Long, Site> siteById = sitesById(caller.customerId());
    return databases.findLiveByCustomerId(caller.customerId()).stream()
        .map(d -> summary(d, siteById.get(d.siteId())))
        .toList();
  }

  DatabaseSummary database(Caller caller, long databaseId) {
    CustomerDatabase database = visible(caller, databaseId);
    return summary(database, siteOf(database));
  }

  /** "Your Starter plan allows 3 databases; you have 1." */
  String allowance(Caller caller) {
    return allowances.of(caller.customerId(), null).databases().summary("database", "databases");
  }

  /**
   * Why the caller cannot create a database now (no live site, the plan's limit), shown before they
   * try; empty if they can.
   */
  Optional<String> createProblem(Caller caller) {
    if (hostOfSites(caller.customerId()).isEmpty()) {
      return Optional.of(NO_LIVE_SITE);
    }
    return allowances.databaseRefusal(caller.customerId());
  }

  /** The caller's PHP and Node.js sites, which a database can be linked to. */
  List<LinkableSite> linkableSites(Caller caller) {
    return sites.findByCustomerIdOrderById(caller.customerId()).stream()
        .filter(site -> AppCatalog.canLinkDatabase(site.app()) && isAround(site))
        .map(site -> new LinkableSite(site.id(), site.name()))
        .toList();
  }

  /**
   * Checks the name and the plan, stores the database and starts its workflow, which creates it
   * (and the customer's server on first need) on the host of the customer's sites.
   */
  DatabaseSummary create(Caller caller, String typedName) {
    String name = typedName == null ? null : typedName.strip();
    DatabaseNames.problem(name)
        .ifPresent(
            problem -> {
              throw InvalidInputException.of(DatabaseNames.FIELD, problem);
            });
    long customerId = caller.customerId();
    String hostId = hostOfSites(customerId).orElseThrow(() -> new ConflictException(NO_LIVE_SITE));
    if (isTaken(databases, customerId, name)) {
      throw taken(name);
    }
    CustomerDatabase saved;
    try {
      saved = book.create(customerId, name);
    } catch (DataIntegrityViolationException e) {
      if (String.valueOf(e.getMessage()).contains("customer_database_name_uq")) {
        throw taken(name);
      }
      throw e;
    }
    try {
      workflows.start(new DatabaseRequest(saved.id(), customerId, hostId, false));
    } catch (RuntimeException e) {
      log.warn("Database {} could not start its workflow: {}", saved.id(), e.toString());
      databases.updateStatus(saved.id(), DatabaseStatus.DELETED, START_FAILED_REASON);
      throw new ServiceUnavailableException(START_FAILED, e);
    }
    return summary(saved, null);
  }

  /**
   * Has the database's workflow set a new generated password for its user, then reads it to show it
   * once. A linked site's container is re-created with it by the workflow.
   */
  NewPassword resetPassword(Caller caller, long databaseId) {
    CustomerDatabase database = visible(caller, databaseId);
    if (database.ownedBySite()) {
      throw new ConflictException(
          database.name()
              + " is the database of your WordPress site "
              + siteName(database)
              + ": WordPress keeps its password, so it cannot be reset here.");
    }
    requireStatus(database, "reset its password");
    workflows.resetPassword(databaseId, UUID.randomUUID().toString());
    String password =
        secrets
            .read(Secrets.databasePassword(databaseId))
            .orElseThrow(
                () ->
                    new ConflictException(
                        "The new password of "
                            + database.name()
                            + " was set but could not be read back; reset it again."));
    return new NewPassword(databaseId, database.name(), database.username(), password);
  }

  /**
   * Asks the database's workflow to drop it with its data; it shows as being deleted until it is
   * gone. Asking again changes nothing. Answers with the status now.
   */
  DatabaseStatus delete(Caller caller, long databaseId) {
    CustomerDatabase database = visible(caller, databaseId);
    if (database.ownedBySite()) {
      throw new ConflictException(
          database.name()
              + " belongs to your WordPress site "
              + siteName(database)
              + ": it goes with the site.");
    }
    if (database.status() == DatabaseStatus.DELETING) {
      return DatabaseStatus.DELETING;
    }
    if (!workflows.delete(databaseId)) {
      // No workflow runs for it (it failed, or never started): only the record is left to close.
      databases.updateStatus(databaseId, DatabaseStatus.DELETED, database.failureReason());
      return DatabaseStatus.DELETED;
    }
    databases.updateStatus(databaseId, DatabaseStatus.DELETING, null);
    return DatabaseStatus.DELETING;
  }

  /**
   * Links the database to one of the caller's PHP or Node.js sites, or unlinks it ({@code siteId}
   * null); the site's container is re-created with the credentials as {@code BERTH_DB_*} (or
   * without them). A site uses one database at a time.
   */
  DatabaseSummary link(Caller caller, long databaseId, Long siteId) {
    CustomerDatabase database = visible(caller, databaseId);
    if (database.ownedBySite()) {
      throw new ConflictException(
          SITE_FIELD,
          database.name()
              + " belongs to your WordPress site "
              + siteName(database)
              + "; it cannot be linked to another site.");
    }
    requireLinkable(database);
    Long previous = database.siteId();
    Site site = siteId == null ? null : linkableSite(caller.customerId(), siteId, databaseId);
    if (Objects.equals(previous, siteId)) {
      return summary(database, site);
    }
    if (databases.link(databaseId, siteId) == 0) {
      throw new ConflictException(
          database.name() + " is being deleted or was deleted; it can no longer be linked.");
    }
    try {
      if (previous != null) {
        workflows.siteEnvironmentChanged(previous);
      }
      if (siteId != null) {
        workflows.siteEnvironmentChanged(siteId);
      }
    } catch (ServiceUnavailableException e) {
      // The sites could not be told: keep things as they were, so the record matches the
      // containers.
      databases.link(databaseId, previous);
      throw e;
    }
    return database(caller, databaseId);
  }

  private Site linkableSite(long customerId, long siteId, long databaseId) {
    Site site =
        sites
            .findByIdAndCustomerId(siteId, customerId)
            .orElseThrow(() -> new NotFoundException("site", siteId));
    if (!AppCatalog.canLinkDatabase(site.app())) {
      throw new ConflictException(
          SITE_FIELD,
          "Only PHP and Node.js sites can be linked to a database, not "
              + site.name()
              + " ("
              + AppCatalog.label(site.app())
              + ").");
    }
    if (!isAround(site)) {
      throw new ConflictException(
          SITE_FIELD, "Site " + site.name() + " failed or was cancelled; it cannot be linked.");
    }
    databases
        .findLiveBySiteId(siteId)
        .filter(other -> other.id() != databaseId)
        .ifPresent(
            other -> {
              throw new ConflictException(
                  SITE_FIELD,
                  "Site "
                      + site.name()
                      + " already uses database "
                      + other.name()
                      + "; unlink that one first.");
            });
    return site;
  }

  private static void requireStatus(CustomerDatabase database, String what) {
    String reason =
        switch (database.status()) {
          case READY -> null;
          case CREATING -> " is still being created; " + what + " once it is ready.";
          case FAILED -> " could not be created; delete it and create it again.";
          case DELETING, DELETED -> " is being deleted.";
        };
    if (reason != null) {
      throw new ConflictException(database.name() + reason);
    }
  }

  private static void requireLinkable(CustomerDatabase database) {
    if (database.status() == DatabaseStatus.FAILED) {
      throw new ConflictException(
          database.name() + " could not be created; delete it and create it again.");
    }
    if (database.status() == DatabaseStatus.DELETING) {
      throw new ConflictException(database.name() + " is being deleted.");
    }
  }

  /** A live database of the caller's; deleted and other customers' ones are not found. */
  private CustomerDatabase visible(Caller caller, long databaseId) {
    return databases
        .findById(databaseId)
        .filter(d -> caller.canSee(d.customerId()) && d.status() != DatabaseStatus.DELETED)
        .orElseThrow(() -> new NotFoundException("database", databaseId));
  }

  /** The host of the customer's live sites, where their database server runs. */
  private Optional<String> hostOfSites(long customerId) {
    return sites.findByCustomerIdOrderById(customerId).stream()
        .filter(site -> isLive(site) && site.hostId() != null)
        .map(Site::hostId)
        .findFirst();
  }

  private Map<Long, Site> sitesById(long customerId) {
    return sites.findByCustomerIdOrderById(customerId).stream()
        .collect(Collectors.toMap(Site::id, Function.identity()));
  }

  private Site siteOf(CustomerDatabase database) {
    return database.siteId() == null ? null : sites.findById(database.siteId()).orElse(null);
  }

  private String siteName(CustomerDatabase database) {
    Site site = siteOf(database);
    return site == null ? "" : site.name();
  }

  private static DatabaseSummary summary(CustomerDatabase database, Site site) {
    return new DatabaseSummary(
        database.id(),
        database.name(),
        database.username(),
        host(database.customerId()),
        PORT,
        database.status(),
        database.siteId(),
        site == null ? null : site.name(),
        database.ownedBySite(),
        database.failureReason());
  }

  private static boolean isLive(Site site) {
    return site.status() == SiteStatus.RUNNING || site.status() == SiteStatus.STOPPED;
  }

  /** Not failed or cancelled: being set up, live or suspended. */
  private static boolean isAround(Site site) {
    return site.status() != SiteStatus.FAILED && site.status() != SiteStatus.CANCELLED;
  }

  /**
   * Whether a live database of the customer has that name, or a user of that name: a WordPress
   * site's own user is its database's name cut to 32 characters, and two databases must never share
   * a user.
   */
  static boolean isTaken(CustomerDatabaseRepository databases, long customerId, String name) {
    return databases.findLiveByCustomerId(customerId).stream()
        .anyMatch(d -> d.name().equals(name) || d.username().equals(name));
  }

  static ConflictException taken(String name) {
    return new ConflictException(
        DatabaseNames.FIELD,
        "You already have a database or user named " + name + "; choose another name.");
  }
}
