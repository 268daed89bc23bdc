package io.berth.activities.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.activities.billing.BillingRows.Placed;
import io.berth.activities.common.PermanentException;
import io.berth.activities.testing.PlatformDatabase;
import io.berth.persistence.account.CustomerRepository;
import io.berth.persistence.billing.Subscription;
import io.berth.persistence.billing.SubscriptionRepository;
import io.berth.persistence.order.CustomerOrder;
import io.berth.persistence.order.OrderRepository;
import io.berth.workflows.billing.CheckoutLink;
import io.berth.workflows.billing.PaymentActivities;
import io.berth.workflows.billing.PaymentMethod;
import io.berth.workflows.billing.SubscriptionStatus;
import io.berth.workflows.common.FailureType;
import io.berth.workflows.common.PlanLimits;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link PaymentActivitiesImpl} as the worker wires it, on the real schema in a fresh PostgreSQL
 * database and with Stripe played by the real stripe-mock.
 */
@SpringBootTest(classes = PaymentActivitiesIT.Context.class)
class PaymentActivitiesIT {

  private static final String DATABASE = "berth_payment_it";

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @EnableJdbcRepositories(basePackages = "io.berth.persistence")
  @Import(BillingConfig.class)
  static class Context {}

  @DynamicPropertySource
  static void freshDatabaseAndStripeMock(DynamicPropertyRegistry properties) throws Exception {
    StripeMock.ensureRunning();
    PlatformDatabase.createFor(properties, DATABASE);
    // The context stays cached for the rest of the run: hold few of the server's connections.
    properties.add("spring.datasource.hikari.maximum-pool-size", () -> 2);
    StripeMock.register(properties);
    properties.add("berth.panel.public-url", () -> "https://panel.berth.test/");
  }

  @Autowired PaymentActivities payments;
  @Autowired OrderRepository orders;
  @Autowired SubscriptionRepository subscriptions;
  @Autowired CustomerRepository customers;
  @Autowired JdbcClient jdbc;

  private BillingRows rows;

  @BeforeEach
  void rows() {
    rows = new BillingRows(jdbc);
  }

  @Test
  void creatingTheCheckoutTwice_storesOneSession_andLinksTheStripeCustomerOnce() {
    Placed placed =
        rows.order(rows.customer(), "starter", PaymentMethod.STRIPE, SubscriptionStatus.INCOMPLETE);

    CheckoutLink first = payments.createCheckout(placed.order());
    CheckoutLink again = payments.createCheckout(placed.order());

    assertThat(again).isEqualTo(first);
    assertThat(first.sessionId()).startsWith("cs_test_");
    assertThat(first.url()).startsWith("https://");
    CustomerOrder order = orders.findById(placed.order()).orElseThrow();
    assertThat(order.checkoutSessionId()).isEqualTo(first.sessionId());
    assertThat(order.checkoutUrl()).isEqualTo(first.url());
    assertThat(customers.findById(placed.customer()).orElseThrow().stripeCustomerId())
        .startsWith("cus_");
  }

  @Test
  void aPlanWithoutAStripePrice_cannotBeSoldByCard() {
    Placed placed =
        rows.order(rows.customer(), "trial", PaymentMethod.STRIPE, SubscriptionStatus.INCOMPLETE);

    assertThatThrownBy(() -> payments.createCheckout(placed.order()))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> assertThat(e.type()).isEqualTo(FailureType.INVALID_INPUT))
        .hasMessageContaining("The Trial plan has no Stripe price");
    assertThat(orders.findById(placed.order()).orElseThrow().checkoutSessionId()).isNull();
  }

  @Test
  void refundingAStripeOrderTwice_recordsOneRefund() {
    Placed placed =
        rows.order(rows.customer(), "starter", PaymentMethod.STRIPE, SubscriptionStatus.ACTIVE);
    payments.createCheckout(placed.order());

    payments.refundOrder(placed.order());
    String refund = orders.findById(placed.order()).orElseThrow().refundRef();
    payments.refundOrder(placed.order());

    assertThat(refund).startsWith("re_");
    assertThat(orders.findById(placed.order()).orElseThrow().refundRef()).isEqualTo(refund);
  }

  @Test
  void refundingABankTransferOrder_recordsTheRefundAsDueForSupport() {
    Placed placed =
        rows.order(
            rows.customer(), "starter", PaymentMethod.BANK_TRANSFER, SubscriptionStatus.ACTIVE);

    payments.refundOrder(placed.order());
    payments.refundOrder(placed.order());

    assertThat(orders.findById(placed.order()).orElseThrow().refundRef())
        .isEqualTo("manual: refund due");
  }

  @Test
  void refundingATrialOrder_recordsNothing() {
    Placed placed =
        rows.order(rows.customer(), "trial", PaymentMethod.NONE, SubscriptionStatus.TRIALING);

    payments.refundOrder(placed.order());

    assertThat(orders.findById(placed.order()).orElseThrow().refundRef()).isNull();
  }

  @Test
  void changingAStripePlan_answersTheNewLimits_andMovesTheRow() {
    Placed placed =
        rows.order(rows.customer(), "starter", PaymentMethod.STRIPE, SubscriptionStatus.ACTIVE);
    subscriptions.linkStripe(placed.subscription(), "sub_berth_it");

    PlanLimits limits =
        payments.changePlan(placed.subscription(), rows.plan("business"), "subscription-1:plan-1");

    assertThat(limits).isEqualTo(new PlanLimits(2000, 1024, 20480, 10));
    assertThat(subscriptions.findById(placed.subscription()).orElseThrow().planId())
        .isEqualTo(rows.plan("business"));
  }

  @Test
  void changingAStripePlanBeforeTheCheckout_isRefused() {
    Placed placed =
        rows.order(rows.customer(), "starter", PaymentMethod.STRIPE, SubscriptionStatus.INCOMPLETE);

    assertThatThrownBy(
            () ->
                payments.changePlan(
                    placed.subscription(), rows.plan("business"), "subscription-1:plan-1"))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("finish the checkout first");
    assertThat(subscriptions.findById(placed.subscription()).orElseThrow().planId())
        .isEqualTo(rows.plan("starter"));
  }

  @Test
  void changingABankTransferPlan_movesTheRowOnly() {
    Placed placed =
        rows.order(
            rows.customer(), "business", PaymentMethod.BANK_TRANSFER, SubscriptionStatus.ACTIVE);

    PlanLimits limits =
        payments.changePlan(placed.subscription(), rows.plan("starter"), "subscription-2:plan-1");

    assertThat(limits).isEqualTo(new PlanLimits(500, 256, 5120, 3));
    assertThat(subscriptions.findById(placed.subscription()).orElseThrow().planId())
        .isEqualTo(rows.plan("starter"));
  }

  @Test
  void cancellingAtPeriodEnd_setsTheFlag_andKeepsTheWorkflowsColumns() {
    Placed placed =
        rows.order(rows.customer(), "starter", PaymentMethod.STRIPE, SubscriptionStatus.ACTIVE);
    subscriptions.linkStripe(placed.subscription(), "sub_berth_it");
    Instant periodEnd = Instant.now().plus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
    rows.periodEnd(placed.subscription(), periodEnd);

    payments.cancelAtPeriodEnd(placed.subscription(), true, "subscription-3:cancel-1");
    Subscription cancelling = subscriptions.findById(placed.subscription()).orElseThrow();
    payments.cancelAtPeriodEnd(placed.subscription(), false, "subscription-3:cancel-2");
    Subscription kept = subscriptions.findById(placed.subscription()).orElseThrow();

    assertThat(cancelling.cancelAtPeriodEnd()).isTrue();
    assertThat(kept.cancelAtPeriodEnd()).isFalse();
    assertThat(kept.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(kept.currentPeriodEnd()).isEqualTo(periodEnd);
  }

  @Test
  void theBillingPortal_opensForAStripeCustomer_andIsRefusedToOthers() {
    Placed stripe =
        rows.order(rows.customer(), "starter", PaymentMethod.STRIPE, SubscriptionStatus.ACTIVE);
    payments.createCheckout(stripe.order());
    Placed bank =
        rows.order(
            rows.customer(), "starter", PaymentMethod.BANK_TRANSFER, SubscriptionStatus.ACTIVE);

    String url = payments.billingPortalUrl(stripe.subscription(), null);

    assertThat(url).startsWith("https://");
    assertThatThrownBy(() -> payments.billingPortalUrl(bank.subscription(), null))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> assertThat(e.type()).isEqualTo(FailureType.INVALID_INPUT))
        .hasMessageContaining("not paid through Stripe");
  }
}
