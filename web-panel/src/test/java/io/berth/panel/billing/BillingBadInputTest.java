package io.berth.panel.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.berth.panel.common.Caller;
import io.berth.panel.common.ConflictException;
import io.berth.panel.common.InvalidInputException;
import io.berth.panel.common.NotFoundException;
import io.berth.panel.common.UserFacingException;
import io.berth.panel.testing.CommonTestBeans;
import io.berth.panel.testing.InMemoryCustomers;
import io.berth.panel.testing.InMemoryInvoices;
import io.berth.panel.testing.InMemoryMailboxes;
import io.berth.panel.testing.InMemoryOrders;
import io.berth.panel.testing.InMemoryPlans;
import io.berth.panel.testing.InMemorySites;
import io.berth.panel.testing.InMemorySubscriptions;
import io.berth.panel.testing.Resettable;
import io.berth.persistence.account.Customer;
import io.berth.persistence.billing.Invoice;
import io.berth.persistence.billing.Subscription;
import io.berth.persistence.order.CustomerOrder;
import io.berth.workflows.billing.PaymentMethod;
import io.berth.workflows.billing.SubscriptionStatus;
import io.berth.workflows.mail.MailboxStatus;
import io.berth.workflows.order.OrderStatus;
import io.berth.workflows.site.SiteStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * Billing changes that cannot be made, one row each: the customer reads why (on the field at fault
 * where there is one), nothing is stored and no update or signal reaches a workflow. Runs the
 * service the panel and the API share, over in-memory repositories.
 */
@SpringJUnitConfig({CommonTestBeans.class, BillingTestBeans.class})
class BillingBadInputTest {

  static final Instant PERIOD_END =
      LocalDate.of(2031, 3, 14).atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant();

  @Autowired BillingService billing;
  @Autowired FakeSubscriptionWorkflows workflows;
  @Autowired InMemoryCustomers customers;
  @Autowired InMemoryOrders orders;
  @Autowired InMemorySites sites;
  @Autowired InMemorySubscriptions subscriptions;
  @Autowired InMemoryInvoices invoices;
  @Autowired InMemoryMailboxes mailboxes;
  @Autowired List<Resettable> fakes;

  /**
   * What is given: Ada has a Business subscription by card, a Starter one by card set to end at
   * PERIOD_END, a Starter one by bank transfer with an open renewal invoice (and a paid one), a
   * suspended Starter one and a trial. Tom has only a Business subscription, with 4 sites and 12
   * mailboxes of 500 MB (6000 MB). Grace has a Starter subscription with a Stripe invoice.
   */
  record Given(
      BillingService billing,
      Caller ada,
      Caller support,
      Caller tom,
      Subscription toms,
      Subscription business,
      Subscription ending,
      Subscription transfer,
      Invoice openTransfer,
      Subscription suspended,
      Subscription trial,
      Subscription graces,
      Invoice gracesStripeInvoice,
      Invoice paidTransfer) {}

  record Case(String name, Consumer<Given> call, Class<?> refusal, String field, String message) {

    @Override
    public String toString() {
      return name;
    }
  }

  private Given given;

  @BeforeEach
  void setUp() {
    fakes.forEach(Resettable::reset);
    Customer ada = customers.add("ada@example.com", Customer.ROLE_CUSTOMER);
    Subscription business = subscription(ada, "shop", InMemoryPlans.BUSINESS, PaymentMethod.STRIPE);
    Customer tom = customers.add("tom@example.com", Customer.ROLE_CUSTOMER);
    Subscription toms = subscription(tom, "toms", InMemoryPlans.BUSINESS, PaymentMethod.STRIPE);
    for (String name : List.of("toms2", "toms3", "toms4")) {
      sites.add(tom.id(), toms.orderId(), name, SiteStatus.RUNNING);
    }
    for (int i = 0; i < 12; i++) {
      mailboxes.add(tom.id(), 1, "box" + i, "tom.test", 500, MailboxStatus.ACTIVE);
    }
    Subscription ending = subscription(ada, "blog", InMemoryPlans.STARTER, PaymentMethod.STRIPE);
    subscriptions.set(ending.id(), SubscriptionStatus.ACTIVE, PERIOD_END, null, null, true);
    Subscription transfer =
        subscription(ada, "shop-eu", InMemoryPlans.STARTER, PaymentMethod.BANK_TRANSFER);
    Invoice openTransfer = invoices.openForTransfer(transfer.id(), ada.id(), 500, PERIOD_END, null);
    Invoice paidTransfer =
        invoices.openForTransfer(
            transfer.id(), ada.id(), 500, PERIOD_END.minusSeconds(2_678_400), null);
    invoices.markPaid(paidTransfer.id(), "bank-transfer:support@berth.test");
    Subscription suspended =
        subscription(ada, "paused", InMemoryPlans.STARTER, PaymentMethod.STRIPE);
    subscriptions.set(
        suspended.id(), SubscriptionStatus.SUSPENDED, PERIOD_END, PERIOD_END, PERIOD_END, false);
    Subscription trial = subscription(ada, "try", InMemoryPlans.TRIAL, PaymentMethod.NONE);
    subscriptions.set(trial.id(), SubscriptionStatus.TRIALING, PERIOD_END, null, null, false);
    Customer grace = customers.add("grace@example.com", Customer.ROLE_CUSTOMER);
    Subscription graces = subscription(grace, "grace", InMemoryPlans.STARTER, PaymentMethod.STRIPE);
    Invoice gracesInvoice =
        invoices.addStripe(graces.id(), grace.id(), "in_grace", "G-1", 500, Invoice.OPEN);
    Customer staff = customers.add("support@berth.test", Customer.ROLE_SUPPORT);
    given =
        new Given(
            billing,
            Caller.customer(ada.id(), ada.email()),
            new Caller(staff.id(), staff.email(), true),
            Caller.customer(tom.id(), tom.email()),
            toms,
            business,
            subscriptions.findById(ending.id()).orElseThrow(),
            transfer,
            openTransfer,
            suspended,
            trial,
            graces,
            gracesInvoice,
            invoices.findById(paidTransfer.id()).orElseThrow());
  }

  static Stream<Case> badInputs() {
    return Stream.of(
        new Case(
            "an unknown plan",
            g -> g.billing().changePlan(g.ada(), g.business().id(), 999L),
            InvalidInputException.class,
            "planId",
            "Choose one of the plans on offer."),
        new Case(
            "no plan at all",
            g -> g.billing().changePlan(g.ada(), g.business().id(), null),
            InvalidInputException.class,
            "planId",
            "Choose one of the plans on offer."),
        new Case(
            "the free trial as new plan",
            g -> g.billing().changePlan(g.ada(), g.business().id(), InMemoryPlans.TRIAL),
            InvalidInputException.class,
            "planId",
            "Choose a paid plan; the free trial is for new customers only."),
        new Case(
            "the same plan",
            g -> g.billing().changePlan(g.ada(), g.business().id(), InMemoryPlans.BUSINESS),
            ConflictException.class,
            "planId",
            "You are on the Business plan already."),
        new Case(
            "a downgrade below the sites, mailboxes and mail storage held",
            g -> g.billing().changePlan(g.tom(), g.toms().id(), InMemoryPlans.STARTER),
            ConflictException.class,
            "planId",
            "The Starter plan allows 3 sites (you have 4), 10 mailboxes (you have 12) and 5 GB of"
                + " mail storage (your mailboxes' quotas take 6000 MB). First remove 1 site,"
                + " remove 2 mailboxes and lower your mailboxes' quotas by 880 MB in all, then"
                + " change the plan."),
        new Case(
            "a plan change of a trial",
            g -> g.billing().changePlan(g.ada(), g.trial().id(), InMemoryPlans.STARTER),
            ConflictException.class,
            null,
            "A free trial cannot change plan; order a paid plan for your next site instead."),
        new Case(
            "a plan change while suspended",
            g -> g.billing().changePlan(g.ada(), g.suspended().id(), InMemoryPlans.BUSINESS),
            ConflictException.class,
            null,
            "Your Starter plan is suspended until the open invoice is paid, so it cannot change"
                + " plan now."),
        new Case(
            "cancelling twice",
            g -> g.billing().cancelAtPeriodEnd(g.ada(), g.ending().id()),
            ConflictException.class,
            null,
            "Your Starter plan already ends on 14 Mar 2031; \"Keep my plan\" withdraws that."),
        new Case(
            "cancelling a suspended subscription",
            g -> g.billing().cancelAtPeriodEnd(g.ada(), g.suspended().id()),
            ConflictException.class,
            null,
            "Your Starter plan is suspended until the open invoice is paid; there is nothing to"
                + " cancel."),
        new Case(
            "reactivating one that is not cancelling",
            g -> g.billing().reactivate(g.ada(), g.business().id()),
            ConflictException.class,
            null,
            "Your Business plan is not set to end, so there is no cancellation to withdraw."),
        new Case(
            "the card portal of a bank-transfer subscription",
            g -> g.billing().portalUrl(g.ada(), g.transfer().id()),
            ConflictException.class,
            null,
            "This subscription is paid by bank transfer, so there is no card to manage; the"
                + " transfer details are with each open invoice."),
        new Case(
            "the card portal of a trial",
            g -> g.billing().portalUrl(g.ada(), g.trial().id()),
            ConflictException.class,
            null,
            "A free trial has no payment method to manage."),
        new Case(
            "another customer's subscription",
            g -> g.billing().subscription(g.ada(), g.graces().id()),
            NotFoundException.class,
            null,
            null),
        new Case(
            "changing another customer's plan",
            g -> g.billing().changePlan(g.ada(), g.graces().id(), InMemoryPlans.BUSINESS),
            NotFoundException.class,
            null,
            null),
        new Case(
            "cancelling another customer's subscription",
            g -> g.billing().cancelAtPeriodEnd(g.ada(), g.graces().id()),
            NotFoundException.class,
            null,
            null),
        new Case(
            "another customer's portal",
            g -> g.billing().portalUrl(g.ada(), g.graces().id()),
            NotFoundException.class,
            null,
            null),
        new Case(
            "a customer marking an invoice paid",
            g -> g.billing().markInvoicePaid(g.ada(), g.openTransfer().id()),
            NotFoundException.class,
            null,
            null),
        new Case(
            "support marking a Stripe invoice paid",
            g -> g.billing().markInvoicePaid(g.support(), g.gracesStripeInvoice().id()),
            ConflictException.class,
            null,
            "Invoice in_grace is collected by Stripe, which confirms its payment; it cannot be"
                + " marked paid here."),
        new Case(
            "support marking a paid invoice paid again",
            g -> g.billing().markInvoicePaid(g.support(), g.paidTransfer().id()),
            ConflictException.class,
            null,
            null),
        new Case(
            "support marking an unknown invoice paid",
            g -> g.billing().markInvoicePaid(g.support(), 999_999),
            NotFoundException.class,
            null,
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void itSaysWhatToFixAndChangesNothing(Case bad) {
    List<Subscription> subscriptionsBefore = subscriptions.findAll();
    List<Invoice> invoicesBefore = invoices.findAll();

    UserFacingException refused =
        catchThrowableOfType(() -> bad.call().accept(given), UserFacingException.class);

    assertThat(refused).as(bad.name()).isInstanceOf(bad.refusal());
    if (bad.message() != null) {
      assertThat(refused.getMessage()).isEqualTo(bad.message());
    }
    if (bad.field() != null) {
      assertThat(refused.problemWith(bad.field())).isEqualTo(bad.message());
    }
    assertThat(subscriptions.findAll()).isEqualTo(subscriptionsBefore);
    assertThat(invoices.findAll()).isEqualTo(invoicesBefore);
    assertThat(workflows.updates).isEmpty();
    assertThat(workflows.events).isEmpty();
  }

  private Subscription subscription(
      Customer customer, String site, long planId, PaymentMethod gateway) {
    CustomerOrder order =
        orders.add(
            customer.id(),
            planId,
            site,
            OrderStatus.ACTIVE,
            gateway == PaymentMethod.NONE ? CustomerOrder.PAYMENT_NONE : gateway.name());
    sites.add(customer.id(), order.id(), site, SiteStatus.RUNNING);
    Subscription subscription =
        subscriptions.add(
            customer.id(), order.id(), planId, gateway, SubscriptionStatus.ACTIVE, PERIOD_END);
    return subscriptions.set(
        subscription.id(), SubscriptionStatus.ACTIVE, PERIOD_END, null, null, false);
  }
}
