package io.berth.panel.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.panel.PanelApplication;
import io.berth.panel.common.Caller;
import io.berth.panel.common.NotFoundException;
import io.berth.panel.usage.UsageService.HighUsage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Usage read from PostgreSQL ({@code berth_test}) as the workers' samplers leave it: rows of each
 * resolution, and the plan each site is held to. Every test makes its own customer and sites.
 */
@SpringBootTest(
    classes = PanelApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class UsageServiceIT {

  private static final long MIB = 1024L * 1024;
  private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
  private static final AtomicInteger COUNTER = new AtomicInteger();

  @Autowired UsageService usage;
  @Autowired JdbcClient jdbc;
  private Instant now;
  private Caller ada;

  @BeforeEach
  void newCustomer() {
    now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    ada = customer();
  }

  @Test
  void eachRangeReadsItsOwnResolutionWithinItsWindow_oldestFirst() {
    long site = site(ada, "starter");
    sample(site, "RAW", now.minus(Duration.ofMinutes(30)), 100, 10 * MIB);
    sample(site, "RAW", now.minusSeconds(10), 200, 20 * MIB);
    sample(site, "RAW", now.minus(Duration.ofMinutes(61)), 900, 90 * MIB);
    sample(site, "MINUTE", now.minus(Duration.ofHours(3)), 300, 30 * MIB);
    sample(site, "MINUTE", now.minus(Duration.ofHours(25)), 900, 90 * MIB);
    sample(site, "HOUR", now.minus(Duration.ofDays(10)), 400, 40 * MIB);
    sample(site, "HOUR", now.minus(Duration.ofDays(31)), 900, 90 * MIB);

    UsageSummary hour = usage.summary(ada, site, UsageRange.HOUR);
    UsageSummary day = usage.summary(ada, site, UsageRange.DAY);
    UsageSummary month = usage.summary(ada, site, UsageRange.MONTH);

    assertThat(hour.points()).extracting(UsagePoint::cpuMillis).containsExactly(100, 200);
    assertThat(hour.points().get(1))
        .isEqualTo(new UsagePoint(now.minusSeconds(10), 200, 20 * MIB, 2000, 1000, 20 * MIB));
    assertThat(day.points()).extracting(UsagePoint::cpuMillis).containsExactly(300);
    assertThat(month.points()).extracting(UsagePoint::cpuMillis).containsExactly(400);
    assertThat(month.current().cpuMillis()).isEqualTo(200);
  }

  @Test
  void theLimitsAreThoseOfTheLiveSubscriptionsPlan_elseOfTheOrdersPlan() {
    long onStarter = site(ada, "starter");
    long upgraded = site(ada, "starter");
    subscribe(upgraded, "business", "ACTIVE");
    long ended = site(ada, "starter");
    subscribe(ended, "business", "TERMINATED");

    assertThat(usage.summary(ada, onStarter, UsageRange.HOUR).limits())
        .isEqualTo(new UsageLimits(500, 256 * MIB, 5120 * MIB));
    assertThat(usage.summary(ada, upgraded, UsageRange.HOUR).limits())
        .isEqualTo(new UsageLimits(2000, 1024 * MIB, 20480 * MIB));
    assertThat(usage.summary(ada, ended, UsageRange.HOUR).limits())
        .isEqualTo(new UsageLimits(500, 256 * MIB, 5120 * MIB));
  }

  @Test
  void atNinetyPercentOfMemoryOrDiskInTheNewestSample_itWarns() {
    long site = site(ada, "starter");
    sample(site, "RAW", now.minusSeconds(20), 100, 250 * MIB, 5000 * MIB);
    sample(site, "RAW", now.minusSeconds(10), 100, 100 * MIB, 1000 * MIB);

    assertThat(usage.summary(ada, site, UsageRange.HOUR).warnings()).isEmpty();

    sample(site, "RAW", now, 100, 240 * MIB, 4700 * MIB);

    assertThat(usage.summary(ada, site, UsageRange.DAY).warnings())
        .containsExactly(
            "Memory is at 93 % of your plan's 256 MiB.",
            "Disk is at 91 % of your plan's 5 GiB: delete files or change plan.");
  }

  @Test
  void highUsageNamesOnlyTheCustomersLiveSitesOverNinetyPercent() {
    long calm = site(ada, "starter");
    sample(calm, "RAW", now, 100, 100 * MIB, 100 * MIB);
    long full = site(ada, "starter");
    sample(full, "RAW", now.minusSeconds(10), 100, 100 * MIB, 100 * MIB);
    sample(full, "RAW", now, 100, 100 * MIB, 5000 * MIB);
    long cancelled = site(ada, "starter");
    sample(cancelled, "RAW", now, 100, 250 * MIB, 100 * MIB);
    jdbc.sql("UPDATE site SET status = 'CANCELLED' WHERE id = ?").param(cancelled).update();
    Caller bob = customer();
    sample(site(bob, "starter"), "RAW", now, 100, 250 * MIB, 100 * MIB);

    List<HighUsage> high = usage.highUsageOf(ada.customerId());

    assertThat(high).extracting(HighUsage::siteId).containsExactly(full);
    assertThat(high.get(0).warnings())
        .containsExactly("Disk is at 97 % of your plan's 5 GiB: delete files or change plan.");
  }

  @Test
  void anotherCustomersSiteIsNotFound() {
    long bobs = site(customer(), "starter");

    assertThatThrownBy(() -> usage.summary(ada, bobs, UsageRange.HOUR))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("There is no site " + bobs + " in your account.");
  }

  private Caller customer() {
    String email = "usage" + RUN + COUNTER.incrementAndGet() + "@example.test";
    long id =
        jdbc.sql("INSERT INTO customer (email, password_hash) VALUES (?, 'x') RETURNING id")
            .param(email)
            .query(Long.class)
            .single();
    return Caller.customer(id, email);
  }

  private long site(Caller owner, String planCode) {
    String name = "use" + RUN + COUNTER.incrementAndGet();
    long order =
        jdbc.sql(
                """
                INSERT INTO orders (customer_id, plan_id, site_name, app, payment_method, status)
                SELECT ?, id, ?, 'static', 'NONE', 'ACTIVE' FROM plan WHERE code = ?
                RETURNING id
                """)
            .params(owner.customerId(), name, planCode)
            .query(Long.class)
            .single();
    return jdbc.sql(
            "INSERT INTO site (customer_id, order_id, name, app, status)"
                + " VALUES (?, ?, ?, 'static', 'RUNNING') RETURNING id")
        .params(owner.customerId(), order, name)
        .query(Long.class)
        .single();
  }

  private void subscribe(long siteId, String planCode, String status) {
    jdbc.sql(
            """
            INSERT INTO subscription (customer_id, order_id, plan_id, gateway, status)
            SELECT s.customer_id, s.order_id, p.id, 'NONE', ?
              FROM site s, plan p WHERE s.id = ? AND p.code = ?
            """)
        .params(status, siteId, planCode)
        .update();
  }

  private void sample(long siteId, String resolution, Instant at, int cpuMillis, long bytes) {
    sample(siteId, resolution, at, cpuMillis, bytes, bytes);
  }

  private void sample(
      long siteId, String resolution, Instant at, int cpuMillis, long memory, long disk) {
    jdbc.sql(
            """
            INSERT INTO usage_sample
              (site_id, resolution, at, cpu_millis, memory_bytes, net_rx_bps, net_tx_bps, disk_bytes)
            VALUES (?, ?, ?, ?, ?, 2000, 1000, ?)
            """)
        .params(siteId, resolution, Timestamp.from(at), cpuMillis, memory, disk)
        .update();
  }
}
