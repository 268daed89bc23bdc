package io.berth.panel.usage;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_textRecursively;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static io.berth.panel.usage.SvgLineChartTest.byClass;
import static io.berth.panel.usage.SvgLineChartTest.parse;
import static io.berth.panel.usage.SvgLineChartTest.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.QueryParameters;
import io.berth.panel.testing.InMemoryPlans;
import io.berth.panel.testing.ViewTest;
import io.berth.persistence.account.Customer;
import io.berth.persistence.order.CustomerOrder;
import io.berth.persistence.site.Site;
import io.berth.workflows.order.OrderStatus;
import io.berth.workflows.site.SiteStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ContextConfiguration;
import org.w3c.dom.Document;

@ContextConfiguration(classes = UsageTestBeans.class)
class UsageViewTest extends ViewTest {

  private static final long MIB = 1024L * 1024;

  @Autowired InMemoryUsageSamples samples;
  @Autowired UsageFeed feed;
  private Customer ada;
  private Site blog;
  private Instant now;

  @BeforeEach
  void signInAdaWithASiteOnA512MiBPlan() {
    ada = signIn("ada@example.com");
    blog = site(ada, "myblog");
    now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  @Test
  void givenSamples_itDrawsFourChartsWithAPointPerSampleAgainstThePlanAndSaysWhatIsUsedNow()
      throws Exception {
    for (int i = 6; i >= 1; i--) {
      raw(blog, now.minusSeconds(10L * i), 250, 200 * MIB, 300 * MIB);
    }

    navigate("sites/" + blog.id() + "/usage");

    assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("myblog usage · Berth");
    assertThat(_get(H1.class).getText()).isEqualTo("myblog usage");
    assertThat(byClass(chart("cpu"), "circle", "point")).hasSize(6);
    assertThat(byClass(chart("memory"), "circle", "point")).hasSize(6);
    assertThat(byClass(chart("network"), "circle", "point")).hasSize(12);
    assertThat(byClass(chart("disk"), "circle", "point")).hasSize(6);
    assertThat(texts(chart("cpu"), "limit-label")).containsExactly("Plan limit: 50 %");
    assertThat(texts(chart("memory"), "limit-label")).containsExactly("Plan limit: 512 MiB");
    assertThat(texts(chart("disk"), "limit-label")).containsExactly("Plan limit: 1 GiB");
    assertThat(byClass(chart("network"), "line", "limit")).isEmpty();
    assertThat(texts(chart("network"), "legend-label")).containsExactly("in", "out");
    assertThat(text("usage-now-cpu")).isEqualTo("Now: 25 % of one core; your plan allows 50 %.");
    assertThat(text("usage-now-memory")).isEqualTo("Now: 200 MiB of 512 MiB (39 %).");
    assertThat(text("usage-now-network")).isEqualTo("Now: in 1.5 KB/s, out 3 KB/s (no limit).");
    assertThat(text("usage-now-disk")).isEqualTo("Now: 300 MiB of 1 GiB (29 %).");
    assertThat(_find(Div.class, spec -> spec.withId("usage-warning"))).isEmpty();
    assertThat(_get(Anchor.class, spec -> spec.withId("usage-site-link")).getHref())
        .isEqualTo("sites/" + blog.id());
  }

  @Test
  void switchingTheRangeRedrawsTheChartsFromThatRangesRows() throws Exception {
    raw(blog, now.minusSeconds(20), 100, 100 * MIB, 100 * MIB);
    for (int hours = 20; hours >= 2; hours -= 6) {
      samples.add(
          blog.id(),
          "MINUTE",
          new UsagePoint(now.minus(Duration.ofHours(hours)), 100, 120 * MIB, 0, 0, 100 * MIB));
    }
    samples.add(
        blog.id(),
        "HOUR",
        new UsagePoint(now.minus(Duration.ofDays(20)), 100, 120 * MIB, 0, 0, 100 * MIB));
    navigate("sites/" + blog.id() + "/usage");
    assertThat(byClass(chart("memory"), "circle", "point")).hasSize(1);

    _setValue(rangeSelector(), UsageRange.DAY);

    assertThat(byClass(chart("memory"), "circle", "point")).hasSize(4);
    assertThat(texts(chart("memory"), "time-label"))
        .allMatch(label -> label.matches("\\d\\d:\\d\\d"));

    _setValue(rangeSelector(), UsageRange.MONTH);

    assertThat(byClass(chart("memory"), "circle", "point")).hasSize(1);
    assertThat(texts(chart("memory"), "time-label"))
        .allMatch(label -> label.matches("\\d{1,2} [A-Z][a-z]{2}"));
  }

  @Test
  void theRangeInTheAddressIsTheOneShown() throws Exception {
    samples.add(
        blog.id(),
        "MINUTE",
        new UsagePoint(now.minus(Duration.ofHours(3)), 100, 120 * MIB, 0, 0, 100 * MIB));

    UI.getCurrent().navigate("sites/" + blog.id() + "/usage", QueryParameters.of("range", "day"));

    assertThat(rangeSelector().getValue()).isEqualTo(UsageRange.DAY);
    assertThat(byClass(chart("cpu"), "circle", "point")).hasSize(1);
  }

  @Test
  void atNinetyPercentOfMemoryOrDisk_thePageWarns() {
    raw(blog, now.minusSeconds(10), 100, 476 * MIB, 932 * MIB);

    navigate("sites/" + blog.id() + "/usage");

    Div warning = _get(Div.class, spec -> spec.withId("usage-warning"));
    assertThat(warning.isVisible()).isTrue();
    assertThat(get_textRecursively(warning))
        .contains("Memory is at 92 % of your plan's 512 MiB.")
        .contains("Disk is at 91 % of your plan's 1 GiB: delete files or change plan.");
  }

  @Test
  void whenANewSampleArrives_thePageRedrawsItself() throws Exception {
    raw(blog, now.minusSeconds(20), 100, 100 * MIB, 100 * MIB);
    navigate("sites/" + blog.id() + "/usage");
    assertThat(byClass(chart("memory"), "circle", "point")).hasSize(1);

    raw(blog, now.minusSeconds(10), 100, 480 * MIB, 100 * MIB);
    feed.refresh(UsageFeed.key(blog.id(), UsageRange.HOUR));
    MockVaadin.runUIQueue();

    assertThat(byClass(chart("memory"), "circle", "point")).hasSize(2);
    assertThat(text("usage-now-memory")).isEqualTo("Now: 480 MiB of 512 MiB (93 %).");
    assertThat(text("usage-warning")).isEqualTo("Memory is at 93 % of your plan's 512 MiB.");
  }

  @Test
  void beforeTheFirstSample_eachChartSaysSamplesAreOnTheirWay() throws Exception {
    navigate("sites/" + blog.id() + "/usage");

    for (String metric : new String[] {"cpu", "memory", "network", "disk"}) {
      assertThat(texts(chart(metric), "empty")).containsExactly(SvgLineChart.NO_DATA);
      assertThat(text("usage-now-" + metric)).isEqualTo(CurrentUsage.NO_SAMPLE);
    }
  }

  @Test
  void anotherCustomersSiteIsNotFound() {
    Customer bob = customers.add("bob@example.com", Customer.ROLE_CUSTOMER);
    Site bobs = site(bob, "bobsblog");
    raw(bobs, now.minusSeconds(10), 100, 500 * MIB, 100 * MIB);

    navigate("sites/" + bobs.id() + "/usage");

    assertThat(_get(H1.class).getText()).isEqualTo("Site not found");
    assertThat(_find(Div.class, spec -> spec.withId("usage-chart-memory"))).isEmpty();
    assertThat(get_textRecursively(currentView())).doesNotContain("bobsblog");
  }

  @Test
  void whileASiteIsAtNinetyPercent_everyPageShowsABannerLinkingToItsUsage() {
    raw(blog, now.minusSeconds(10), 100, 100 * MIB, 100 * MIB);
    navigate("sites");
    assertThat(_find(Div.class, spec -> spec.withId("usage-banner"))).isEmpty();

    raw(blog, now.minusSeconds(5), 100, 100 * MIB, 950 * MIB);
    navigate("databases");

    assertThat(text("usage-banner"))
        .isEqualTo(
            "Your site myblog: Disk is at 92 % of your plan's 1 GiB: delete files or change plan."
                + " See its usage");
    assertThat(_get(Anchor.class, spec -> spec.withId("usage-banner-link")).getHref())
        .isEqualTo("sites/" + blog.id() + "/usage");

    raw(blog, now, 100, 100 * MIB, 500 * MIB);
    navigate("sites");

    assertThat(_find(Div.class, spec -> spec.withId("usage-banner"))).isEmpty();
  }

  private Site site(Customer owner, String name) {
    CustomerOrder order = orders.add(owner.id(), InMemoryPlans.STARTER, name, OrderStatus.ACTIVE);
    Site site = sites.add(owner.id(), order.id(), name, "static", SiteStatus.RUNNING);
    samples.limit(site.id(), UsageLimits.ofPlan(500, 512, 1024));
    return site;
  }

  private void raw(Site site, Instant at, int cpuMillis, long memoryBytes, long diskBytes) {
    samples.add(
        site.id(), "RAW", new UsagePoint(at, cpuMillis, memoryBytes, 1500, 3000, diskBytes));
  }

  @SuppressWarnings("unchecked")
  private static RadioButtonGroup<UsageRange> rangeSelector() {
    return _get(RadioButtonGroup.class, spec -> spec.withId("usage-range"));
  }

  private static Document chart(String metric) throws Exception {
    Div holder = _get(Div.class, spec -> spec.withId("usage-chart-" + metric));
    return parse(holder.getElement().getProperty("innerHTML"));
  }

  private static String text(String id) {
    return get_textRecursively(_get(Component.class, spec -> spec.withId(id)));
  }
}
