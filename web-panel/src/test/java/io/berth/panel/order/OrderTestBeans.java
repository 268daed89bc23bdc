package io.berth.panel.order;

import io.berth.panel.billing.BillingProperties;
import io.berth.panel.billing.FakeSubscriptionWorkflows;
import io.berth.panel.billing.SwitchablePaymentOptions;
import io.berth.panel.plan.Allowances;
import io.berth.panel.plan.PlanCatalog;
import io.berth.panel.site.SiteUrls;
import io.berth.panel.testing.InMemorySubscriptions;
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
      InMemorySubscriptions subscriptions,
      Allowances allowances,
      SwitchablePaymentOptions payments,
      FakeOrderWorkflows workflows,
      FakeSubscriptionWorkflows subscriptionWorkflows,
      FakeProgressSource progress,
      SiteUrls urls,
      BillingProperties billing,
      Clock clock) {
    OrderBook book =
        new OrderBook(
            orders,
            sites,
            planRepository,
            subscriptions,
            allowances,
            payments,
            customerId -> {},
            clock);
    return new OrderService(
        plans,
        orders,
        sites,
        subscriptions,
        book,
        workflows,
        subscriptionWorkflows,
        progress,
        urls,
        billing,
        clock,
        Duration.ofMillis(300));
  }

  /** Polls only when a test asks ({@link OrderProgressFeed#refresh}). */
  @Bean
  OrderProgressFeed orderProgressFeed(OrderService orders) {
    return new OrderProgressFeed(orders, Duration.ofDays(1));
  }
}
