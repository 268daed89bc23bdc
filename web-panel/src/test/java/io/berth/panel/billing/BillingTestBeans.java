package io.berth.panel.billing;

import io.berth.panel.plan.Allowances;
import io.berth.panel.plan.PlanCatalog;
import io.berth.panel.testing.InMemoryInvoices;
import io.berth.panel.testing.InMemoryOrders;
import io.berth.panel.testing.InMemorySubscriptions;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Billing over in-memory repositories, with fake subscription workflows. */
@TestConfiguration
public class BillingTestBeans {

  /** The defaults of {@code application.yml}. */
  static final PanelAddress PANEL = new PanelAddress("http://127.0.0.1:8080");

  @Bean
  public FakeSubscriptionWorkflows fakeSubscriptionWorkflows(InMemorySubscriptions subscriptions) {
    return new FakeSubscriptionWorkflows(subscriptions);
  }

  @Bean
  public SwitchablePaymentOptions paymentOptions() {
    return new SwitchablePaymentOptions();
  }

  @Bean
  public BillingProperties billingProperties() {
    return new BillingProperties(Duration.ofDays(7), Duration.ofDays(30));
  }

  @Bean
  public BankTransferProperties bankTransferProperties() {
    return new BankTransferProperties("Berth Hosting", "DE89 3704 0044 0532 0130 00", "BERTDEXX");
  }

  @Bean
  BillingService billingService(
      InMemorySubscriptions subscriptions,
      InMemoryInvoices invoices,
      InMemoryOrders orders,
      PlanCatalog plans,
      Allowances allowances,
      FakeSubscriptionWorkflows workflows,
      Clock clock) {
    return new BillingService(
        subscriptions, invoices, orders, plans, allowances, workflows, PANEL, clock);
  }

  @Bean
  BillingBanner billingBanner(BillingService billing) {
    return new BillingBanner(billing);
  }
}
