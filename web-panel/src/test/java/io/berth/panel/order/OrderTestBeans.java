package io.berth.panel.order;

import io.berth.panel.plan.Allowances;
import io.berth.panel.plan.PlanCatalog;
import io.berth.panel.site.SiteUrls;
import io.berth.persistence.order.OrderRepository;
import io.berth.persistence.plan.PlanRepository;
import io.berth.persistence.site.SiteRepository;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The order feature over in-memory repositories, with fake workflows and progress. */
@TestConfiguration
public class OrderTestBeans {

  @Bean
  public FakeProgressSource fakeProgressSource() {
    return new FakeProgressSource();
  }

  @Bean
  public FakeOrderWorkflows fakeOrderWorkflows() {
    return new FakeOrderWorkflows();
  }

  @Bean
  OrderService orderService(
      PlanCatalog plans,
      OrderRepository orders,
      SiteRepository sites,
      PlanRepository planRepository,
      Allowances allowances,
      FakeOrderWorkflows workflows,
      FakeProgressSource progress,
      SiteUrls urls,
      Clock clock) {
    OrderBook book =
        new OrderBook(orders, sites, planRepository, allowances, customerId -> {}, clock);
    return new OrderService(plans, orders, sites, book, workflows, progress, urls);
  }

  /** Polls only when a test asks ({@link OrderProgressFeed#refresh}). */
  @Bean
  OrderProgressFeed orderProgressFeed(OrderService orders) {
    return new OrderProgressFeed(orders, Duration.ofDays(1));
  }

  @Bean
  BankTransferProperties bankTransferProperties() {
    return new BankTransferProperties("Berth Hosting", "DE89 3704 0044 0532 0130 00", "BERTDEXX");
  }
}
