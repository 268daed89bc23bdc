package io.berth.panel.metrics;

import io.berth.workflows.order.OrderStatus;
import io.berth.workflows.site.SiteStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The platform's own gauges on {@code /actuator/prometheus}: {@code berth_orders{status}} and
 * {@code berth_sites{status}}, one series per status (0 when none), read from the platform database
 * at most every {@link #KEPT} so a scrape costs one query per table.
 */
@Component
class PlatformMetrics implements MeterBinder {

  static final Duration KEPT = Duration.ofSeconds(5);

  private final StatusCounts orders;
  private final StatusCounts sites;

  PlatformMetrics(JdbcClient jdbc, Clock clock) {
    this.orders = new StatusCounts(jdbc, clock, KEPT, "orders");
    this.sites = new StatusCounts(jdbc, clock, KEPT, "site");
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (OrderStatus status : OrderStatus.values()) {
      Gauge.builder("berth.orders", orders, counts -> counts.count(status.name()))
          .description("Orders by status")
          .tag("status", status.name())
          .strongReference(true)
          .register(registry);
    }
    for (SiteStatus status : SiteStatus.values()) {
      Gauge.builder("berth.sites", sites, counts -> counts.count(status.name()))
          .description("Sites by status")
          .tag("status", status.name())
          .strongReference(true)
          .register(registry);
    }
  }
}
