package io.berth.activities.database;

import io.berth.persistence.database.CustomerDatabaseRepository;
import io.berth.persistence.site.SiteRepository;
import io.berth.workflows.database.DatabaseRecordActivities;
import io.berth.workflows.database.DatabaseStatus;
import io.berth.workflows.site.SiteStatus;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Customer databases' rows in the platform database, on {@code berth-control}. */
@Component("databaseRecordActivities")
public class DatabaseRecordActivitiesImpl implements DatabaseRecordActivities {

  /** Width of {@code customer_database.failure_reason}. */
  static final int MAX_REASON = 1000;

  private static final Set<SiteStatus> GONE =
      EnumSet.of(SiteStatus.FAILED, SiteStatus.CANCELLED, SiteStatus.DELETED);

  private final CustomerDatabaseRepository databases;
  private final SiteRepository sites;

  public DatabaseRecordActivitiesImpl(CustomerDatabaseRepository databases, SiteRepository sites) {
    this.databases = databases;
    this.sites = sites;
  }

  @Override
  @Transactional
  public void recordDatabaseStatus(long databaseId, DatabaseStatus status, String reason) {
    String shortened =
        reason == null || reason.length() <= MAX_REASON
            ? reason
            : reason.substring(0, MAX_REASON - 1) + "…";
    databases.updateStatus(databaseId, status, shortened);
  }

  /** The site the database is linked to (or was made for), unless the site is gone. */
  @Override
  public Long linkedSite(long databaseId) {
    return databases
        .findById(databaseId)
        .filter(database -> database.status() != DatabaseStatus.DELETED)
        .map(database -> database.siteId())
        .flatMap(sites::findById)
        .filter(site -> !GONE.contains(site.status()))
        .map(site -> site.id())
        .orElse(null);
  }
}
