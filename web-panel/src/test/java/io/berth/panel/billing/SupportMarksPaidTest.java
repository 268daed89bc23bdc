package io.berth.panel.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.berth.panel.common.Caller;
import io.berth.panel.common.ConflictException;
import io.berth.panel.order.FakeOrderWorkflows;
import io.berth.panel.order.OrderService;
import io.berth.panel.testing.InMemoryPlans;
import io.berth.panel.testing.ViewTest;
import io.berth.persistence.account.Customer;
import io.berth.persistence.billing.Invoice;
import io.berth.persistence.billing.Subscription;
import io.berth.persistence.order.CustomerOrder;
import io.berth.workflows.billing.BillingEvent;
import io.berth.workflows.billing.BillingEventKind;
import io.berth.workflows.billing.PaymentMethod;
import io.berth.workflows.billing.SubscriptionStatus;
import io.berth.workflows.order.OrderStatus;
import io.berth.workflows.site.SiteStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Support confirms bank transfers: for an order (its workflow and its subscription are told) and
 * for a renewal invoice Berth opened (the subscription is paid up one period past its current end).
 */
class SupportMarksPaidTest extends ViewTest {

  private static final Instant PERIOD_END = Instant.parse("2031-03-14T12:00:00Z");

  @Autowired OrderService orderService;
  @Autowired BillingService billing;
  @Autowired FakeOrderWorkflows orderWorkflows;
  @Autowired FakeSubscriptionWorkflows workflows;
  private Customer ada;
  private Caller support;

  @BeforeEach
  void givenACustomerAndSupport() {
    ada = customers.add("ada@example.com", Customer.ROLE_CUSTOMER);
    Customer staff = customers.add("support@berth.test", Customer.ROLE_SUPPORT);
    support = new Caller(staff.id(), staff.email(), true);
  }

  @Test
  void markingAnOrdersTransferPaidTellsTheOrderAndPaysTheSubscriptionUpForAMonthFromNow() {
    CustomerOrder order =
        orders.add(ada.id(), InMemoryPlans.STARTER, "myshop", OrderStatus.AWAITING_PAYMENT);
    sites.add(ada.id(), order.id(), "myshop", SiteStatus.PROVISIONING);
    Subscription subscription =
        subscriptions.add(
            ada.id(),
            order.id(),
            InMemoryPlans.STARTER,
            PaymentMethod.BANK_TRANSFER,
            SubscriptionStatus.INCOMPLETE,
            null);
    Instant before = Instant.now();

    orderService.markPaid(support, order.id());

    assertThat(orderWorkflows.payments)
        .containsEntry(order.id(), "bank-transfer:support@berth.test");
    BillingEvent paid = workflows.events.get(subscription.id()).get(0);
    assertThat(paid.id()).isEqualTo("order-" + order.id() + ":paid");
    assertThat(paid.kind()).isEqualTo(BillingEventKind.PAID);
    assertThat(paid.amountCents()).isEqualTo(500);
    assertThat(paid.currency()).isEqualTo("EUR");
    assertThat(Instant.ofEpochMilli(paid.periodEndMillis()))
        .isBetween(oneMonthAfter(before), oneMonthAfter(Instant.now()));
    assertThat(orders.findById(order.id()).orElseThrow().paymentRef())
        .isEqualTo("bank-transfer:support@berth.test");
  }

  @Test
  void anOrderPaidByCardIsNotMarkedPaidBySupport() {
    CustomerOrder order =
        orders.add(
            ada.id(),
            InMemoryPlans.STARTER,
            "myshop",
            OrderStatus.AWAITING_PAYMENT,
            CustomerOrder.PAYMENT_STRIPE);

    ConflictException refused =
        catchThrowableOfType(
            () -> orderService.markPaid(support, order.id()), ConflictException.class);

    assertThat(refused)
        .hasMessage(
            "Order #"
                + order.id()
                + " is paid by card through Stripe, which confirms its payment.");
    assertThat(orderWorkflows.payments).isEmpty();
    assertThat(workflows.events).isEmpty();
  }

  @Test
  void markingARenewalInvoicePaidPaysTheSubscriptionUpOnePeriodPastItsEnd() {
    CustomerOrder order = orders.add(ada.id(), InMemoryPlans.STARTER, "myshop", OrderStatus.ACTIVE);
    Subscription subscription =
        subscriptions.add(
            ada.id(),
            order.id(),
            InMemoryPlans.STARTER,
            PaymentMethod.BANK_TRANSFER,
            SubscriptionStatus.ACTIVE,
            PERIOD_END);
    subscriptions.set(
        subscription.id(), SubscriptionStatus.SUSPENDED, PERIOD_END, PERIOD_END, null, false);
    Invoice open = invoices.openForTransfer(subscription.id(), ada.id(), 500, PERIOD_END, null);

    String reference = billing.markInvoicePaid(support, open.id());

    assertThat(reference).isEqualTo("bank-transfer:support@berth.test");
    BillingEvent paid = workflows.events.get(subscription.id()).get(0);
    assertThat(paid.id()).isEqualTo("invoice-" + open.id() + ":paid");
    assertThat(paid.kind()).isEqualTo(BillingEventKind.PAID);
    assertThat(paid.invoiceRef()).isEqualTo("berth-" + open.id());
    assertThat(Instant.ofEpochMilli(paid.periodEndMillis()))
        .isEqualTo(Instant.parse("2031-04-14T12:00:00Z"));
    Invoice marked = invoices.findById(open.id()).orElseThrow();
    assertThat(marked.status()).isEqualTo(Invoice.PAID);
    assertThat(marked.paymentRef()).isEqualTo("bank-transfer:support@berth.test");
  }

  private static Instant oneMonthAfter(Instant at) {
    return at.atZone(ZoneOffset.UTC).plusMonths(1).toInstant();
  }
}
