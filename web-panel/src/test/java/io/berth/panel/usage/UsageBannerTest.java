package io.berth.panel.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.panel.security.BerthUser;
import io.berth.panel.testing.InMemoryCustomers;
import io.berth.panel.testing.InMemorySites;
import io.berth.panel.ui.PageBanner.Message;
import io.berth.persistence.account.Customer;
import io.berth.persistence.site.Site;
import io.berth.workflows.site.SiteStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UsageBannerTest {

  private static final long MIB = 1024L * 1024;

  private final InMemoryCustomers customers = new InMemoryCustomers();
  private final InMemorySites sites = new InMemorySites();
  private final InMemoryUsageSamples samples = new InMemoryUsageSamples(sites);
  private final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-27T06:00:00Z"));
  private final UsageBanner banner =
      new UsageBanner(new UsageService(sites, samples, clock), clock, Duration.ofSeconds(30));
  private BerthUser ada;
  private Site blog;

  @BeforeEach
  void adaHasASiteOnA512MiBPlan() {
    Customer customer = customers.add("ada@example.com", Customer.ROLE_CUSTOMER);
    ada = BerthUser.of(customer);
    blog = site(customer.id(), "myblog");
  }

  @Test
  void givenMemoryAtNinetyPercent_itLinksToThatSitesUsage() {
    sample(blog, 461 * MIB, 100 * MIB);

    Message message = banner.message(ada).orElseThrow();

    assertThat(message.id()).isEqualTo("usage-banner");
    assertThat(message.text())
        .isEqualTo("Your site myblog: Memory is at 90 % of your plan's 512 MiB.");
    assertThat(message.linkPath()).isEqualTo("sites/" + blog.id() + "/usage");
  }

  @Test
  void justBelowNinetyPercent_orOnACancelledSite_itSaysNothing() {
    sample(blog, 460 * MIB, 921 * MIB);
    Site cancelled = site(ada.customerId(), "oldsite");
    sites.updateStatus(cancelled.id(), SiteStatus.CANCELLED, null);
    sample(cancelled, 500 * MIB, 1000 * MIB);

    assertThat(banner.message(ada)).isEmpty();
  }

  @Test
  void severalSitesHigh_itNamesTheFirstAndCountsTheOthers() {
    sample(blog, 500 * MIB, 100 * MIB);
    sample(site(ada.customerId(), "shop"), 100 * MIB, 1000 * MIB);
    sample(site(ada.customerId(), "wiki"), 100 * MIB, 1000 * MIB);

    assertThat(banner.message(ada).orElseThrow().text())
        .startsWith("Your site myblog: Memory is at 97 %")
        .endsWith(" 2 more sites are near their plans' limits too.");
  }

  @Test
  void anotherCustomersSiteNeverShowsInTheBanner() {
    Customer bob = customers.add("bob@example.com", Customer.ROLE_CUSTOMER);
    sample(site(bob.id(), "bobsblog"), 500 * MIB, 1000 * MIB);

    assertThat(banner.message(ada)).isEmpty();
    assertThat(banner.message(BerthUser.of(bob))).isPresent();
  }

  @Test
  void theAnswerIsRememberedBriefly_thenReadAgain() {
    sample(blog, 500 * MIB, 100 * MIB);
    Optional<Message> first = banner.message(ada);

    clock.advance(Duration.ofSeconds(10));
    sample(blog, 100 * MIB, 100 * MIB);

    assertThat(banner.message(ada)).isEqualTo(first);

    clock.advance(Duration.ofSeconds(25));

    assertThat(banner.message(ada)).isEmpty();
  }

  private Site site(long customerId, String name) {
    Site site = sites.add(customerId, 1, name, SiteStatus.RUNNING);
    samples.limit(site.id(), UsageLimits.ofPlan(500, 512, 1024));
    return site;
  }

  private void sample(Site site, long memoryBytes, long diskBytes) {
    samples.add(
        site.id(), "RAW", new UsagePoint(clock.instant(), 100, memoryBytes, 0, 0, diskBytes));
  }

  /** A clock a test moves forward. */
  private static final class SteppingClock extends Clock {

    private Instant now;

    SteppingClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
