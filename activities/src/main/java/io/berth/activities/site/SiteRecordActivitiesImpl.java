package io.berth.activities.site;

import io.berth.activities.common.PermanentException;
import io.berth.activities.database.DatabaseNames;
import io.berth.activities.docker.AppCatalog;
import io.berth.activities.docker.AppDefinition;
import io.berth.persistence.database.CustomerDatabase;
import io.berth.persistence.database.CustomerDatabaseRepository;
import io.berth.persistence.site.Site;
import io.berth.persistence.site.SiteRepository;
import io.berth.workflows.common.FailureType;
import io.berth.workflows.site.SitePlan;
import io.berth.workflows.site.SiteRecordActivities;
import io.berth.workflows.site.SiteStatus;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

public class SiteRecordActivitiesImpl implements SiteRecordActivities {

  /** Prefix of the name of a site's own database: {@code wp_<site name with _ for ->}. */
  static final String OWN_DATABASE_PREFIX = "wp_";

  /** How many names ({@code wp_blog}, {@code wp_blog_2}, …) to try when one is taken. */
  private static final int NAME_ATTEMPTS = 20;

  private final SiteRepository sites;
  private final CustomerDatabaseRepository databases;
  private final AppCatalog catalog;
  private final JdbcClient jdbc;

  public SiteRecordActivitiesImpl(
      SiteRepository sites,
      CustomerDatabaseRepository databases,
      AppCatalog catalog,
      JdbcClient jdbc) {
    this.sites = sites;
    this.databases = databases;
    this.catalog = catalog;
    this.jdbc = jdbc;
  }

  @Override
  @Transactional
  public void recordSiteStatus(long siteId, SiteStatus status, String reason) {
    sites.updateStatus(siteId, status, reason);
  }

  /**
   * From the catalog: an app that REQUIRES a database gets its own (found, or created once), one
   * that takes an OPTIONAL database gets the one linked to the site if any, and the plan says
   * whether the app has an install step. Idempotent and safe when run twice at once: the database
   * row is inserted with {@code ON CONFLICT DO NOTHING} on its unique name, then looked up.
   */
  @Override
  public SitePlan planSite(long siteId) {
    Site site =
        sites
            .findById(siteId)
            .orElseThrow(
                () ->
                    new PermanentException(FailureType.NOT_FOUND, "Site " + siteId + " not found"));
    AppDefinition app = catalog.require(site.app());
    return switch (app.database()) {
      case NONE -> app.installs() ? new SitePlan(null, false, true) : SitePlan.NOTHING_MORE;
      case OPTIONAL ->
          new SitePlan(
              databases.findLiveBySiteId(siteId).map(CustomerDatabase::id).orElse(null),
              false,
              app.installs());
      case REQUIRED -> new SitePlan(ownDatabase(site).id(), true, app.installs());
    };
  }

  /**
   * The site's own database, created if missing: named {@code wp_<site>}, its user the same cut to
   * 32 characters; when the customer already has a database or user of that name, {@code _2}, … are
   * tried.
   */
  private CustomerDatabase ownDatabase(Site site) {
    String base = OWN_DATABASE_PREFIX + site.name().replace('-', '_');
    for (int attempt = 1; attempt <= NAME_ATTEMPTS; attempt++) {
      Optional<CustomerDatabase> own =
          databases.findLiveBySiteId(site.id()).filter(CustomerDatabase::ownedBySite);
      if (own.isPresent()) {
        return own.get();
      }
      String suffix = attempt == 1 ? "" : "_" + attempt;
      String name = DatabaseNames.requireDatabase(base + suffix);
      String user =
          DatabaseNames.requireUser(
              base.substring(
                      0, Math.min(base.length(), DatabaseNames.MAX_USER_LENGTH - suffix.length()))
                  + suffix);
      Optional<Long> created =
          jdbc.sql(
                  """
                  INSERT INTO customer_database
                         (customer_id, name, username, status, site_id, owned_by_site)
                  SELECT :customer, :name, :user, 'CREATING', :site, true
                   WHERE NOT EXISTS (
                         SELECT 1 FROM customer_database
                          WHERE customer_id = :customer AND status <> 'DELETED'
                            AND (name = :name OR username = :user))
                  ON CONFLICT (customer_id, name) WHERE status <> 'DELETED' DO NOTHING
                  RETURNING id
                  """)
              .param("customer", site.customerId())
              .param("name", name)
              .param("user", user)
              .param("site", site.id())
              .query(Long.class)
              .optional();
      if (created.isPresent()) {
        return databases.findById(created.get()).orElseThrow();
      }
      // Taken: by this site's own database made at the same moment (found at the top of the next
      // round), or by another database of the customer (the next round tries the next name).
    }
    throw new PermanentException(
        FailureType.CONFLICT,
        "No free database name for site "
            + site.name()
            + " (tried "
            + base
            + " and "
            + (NAME_ATTEMPTS - 1)
            + " more)");
  }
}
