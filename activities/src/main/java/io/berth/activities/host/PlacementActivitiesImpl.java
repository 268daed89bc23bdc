package io.berth.activities.host;

import io.berth.activities.common.PermanentException;
import io.berth.workflows.common.FailureType;
import io.berth.workflows.host.Placement;
import io.berth.workflows.host.PlacementActivities;
import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places sites on hosts with the platform DB as the single source of truth. The host row is locked
 * while a port is chosen, so two placements on one host never take the same port.
 */
public class PlacementActivitiesImpl implements PlacementActivities {

  private static final String LIVE = "status NOT IN ('CANCELLED', 'FAILED', 'DELETED')";

  private final JdbcClient jdbc;
  private final Duration hostTimeout;

  public PlacementActivitiesImpl(JdbcClient jdbc, Duration hostTimeout) {
    this.jdbc = jdbc;
    this.hostTimeout = hostTimeout;
  }

  @Override
  @Transactional
  public Placement placeSite(long siteId) {
    SiteRow site =
        jdbc.sql("SELECT customer_id, host_id, host_port FROM site WHERE id = :id FOR UPDATE")
            .param("id", siteId)
            .query(SiteRow.class)
            .optional()
            .orElseThrow(
                () -> new PermanentException(FailureType.NOT_FOUND, "Site " + siteId + " is gone"));
    if (site.hostId() != null && site.hostPort() != null) {
      return new Placement(site.hostId(), site.hostPort());
    }
    String hostId = customersHost(site.customerId()).orElseGet(this::leastLoadedOnlineHost);
    HostRow host =
        jdbc.sql("SELECT port_first, port_last FROM host WHERE id = :id FOR UPDATE")
            .param("id", hostId)
            .query(HostRow.class)
            .single();
    int port =
        jdbc.sql(
                "SELECT p FROM generate_series(:first, :last) p WHERE NOT EXISTS (SELECT 1 FROM"
                    + " site WHERE host_id = :host AND host_port = p AND "
                    + LIVE
                    + ") ORDER BY p LIMIT 1")
            .param("first", host.portFirst())
            .param("last", host.portLast())
            .param("host", hostId)
            .query(Integer.class)
            .optional()
            .orElseThrow(
                () ->
                    new PermanentException(
                        FailureType.EXHAUSTED, "Host " + hostId + " has no free site port left"));
    jdbc.sql(
            "UPDATE site SET host_id = :host, host_port = :port, updated_at = now() WHERE id = :id")
        .param("host", hostId)
        .param("port", port)
        .param("id", siteId)
        .update();
    return new Placement(hostId, port);
  }

  /** A customer's sites share one private network, so they stay on one host. */
  private Optional<String> customersHost(long customerId) {
    return jdbc.sql(
            "SELECT host_id FROM site WHERE customer_id = :customer AND host_id IS NOT NULL AND "
                + LIVE
                + " ORDER BY id LIMIT 1")
        .param("customer", customerId)
        .query(String.class)
        .optional();
  }

  private String leastLoadedOnlineHost() {
    return jdbc.sql(
            "SELECT h.id FROM host h WHERE h.last_seen > now() - make_interval(secs => :timeout)"
                + " ORDER BY (SELECT count(*) FROM site s WHERE s.host_id = h.id AND s."
                + LIVE
                + "), h.id LIMIT 1")
        .param("timeout", (double) hostTimeout.toSeconds())
        .query(String.class)
        .optional()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "No Docker host is online; the site is placed as soon as a host's worker"
                        + " starts"));
  }

  private record SiteRow(long customerId, String hostId, Integer hostPort) {}

  private record HostRow(int portFirst, int portLast) {}
}
