package io.berth.workflows;

import io.berth.workflows.database.DatabaseRecordActivities;
import io.berth.workflows.database.DatabaseStatus;
import io.berth.workflows.host.Placement;
import io.berth.workflows.host.PlacementActivities;
import io.berth.workflows.order.OrderActivities;
import io.berth.workflows.order.OrderStatus;
import io.berth.workflows.site.SitePlan;
import io.berth.workflows.site.SiteRecordActivities;
import io.berth.workflows.site.SiteStatus;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory platform DB for workflow tests: what the control activities would have stored. */
public class FakePlatform
    implements OrderActivities,
        PlacementActivities,
        SiteRecordActivities,
        DatabaseRecordActivities {

  public static final String HOST = "test-host";

  public final Map<Long, OrderStatus> orders = new ConcurrentHashMap<>();
  public final Map<Long, String> orderReasons = new ConcurrentHashMap<>();
  public final Map<Long, SiteStatus> sites = new ConcurrentHashMap<>();
  public final Map<Long, DatabaseStatus> databases = new ConcurrentHashMap<>();
  public final Map<Long, Long> databaseLinks = new ConcurrentHashMap<>();

  /** What each site's app needs; a site not listed needs nothing more (a static site). */
  public final Map<Long, SitePlan> plans = new ConcurrentHashMap<>();

  @Override
  public void recordOrderStatus(long orderId, OrderStatus status, String reason) {
    orders.put(orderId, status);
    if (reason != null) {
      orderReasons.put(orderId, reason);
    }
  }

  @Override
  public Placement placeSite(long siteId) {
    return new Placement(HOST, 20000 + (int) siteId);
  }

  @Override
  public void recordSiteStatus(long siteId, SiteStatus status, String reason) {
    sites.put(siteId, status);
  }

  @Override
  public SitePlan planSite(long siteId) {
    return plans.getOrDefault(siteId, SitePlan.NOTHING_MORE);
  }

  @Override
  public void recordDatabaseStatus(long databaseId, DatabaseStatus status, String reason) {
    databases.put(databaseId, status);
  }

  @Override
  public Long linkedSite(long databaseId) {
    return databaseLinks.get(databaseId);
  }
}
