package io.berth.panel.billing;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_textRecursively;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import io.berth.panel.testing.InMemoryPlans;
import io.berth.panel.testing.ViewTest;
import io.berth.persistence.account.Customer;
import io.berth.persistence.billing.Invoice;
import io.berth.persistence.billing.Subscription;
import io.berth.persistence.order.CustomerOrder;
import io.berth.persistence.plan.Plan;
import io.berth.workflows.billing.PaymentMethod;
import io.berth.workflows.billing.SubscriptionStatus;
import io.berth.workflows.order.OrderStatus;
import io.berth.workflows.site.SiteStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class BillingViewTest extends ViewTest {

  private static final Instant PERIOD_END = at(2031, 3, 14);
  private static final Instant SUSPENDS = at(2031, 3, 21);
  private static final Instant REMOVED = at(2031, 4, 20);

  @Autowired FakeSubscriptionWorkflows workflows;
  private Customer ada;

  @BeforeEach
  void signInAda() {
    ada = signIn("ada@example.com");
  }

  @Test
  void itShowsThePlanItsPriceStatusNextRenewalAndTheInvoicesWithStripesLinks() {
    Subscription starter = subscription("myblog", InMemoryPlans.STARTER, PaymentMethod.STRIPE);
    Invoice paid =
        invoices.addStripe(starter.id(), ada.id(), "in_1", "BERTH-0001", 500, Invoice.PAID);

    navigate("billing");

    assertThat(text("subscription-" + starter.id()))
        .contains("Starter · myblog", "€5.00 / month · paid by card");
    assertThat(text("subscription-status-" + starter.id())).isEqualTo("Active");
    assertThat(text("subscription-renewal-" + starter.id()))
        .isEqualTo("Next renewal on 14 Mar 2031: €5.00");
    assertThat(text("invoice-" + paid.id())).contains("BERTH-0001", "€5.00", "Paid");
    assertThat(anchor("invoice-view-" + paid.id()).getHref())
        .isEqualTo("https://invoice.stripe.com/i/in_1");
    assertThat(anchor("invoice-pdf-" + paid.id()).getHref())
        .isEqualTo("https://pay.stripe.com/invoice/in_1/pdf");
    button("subscription-portal-" + starter.id());
    button("subscription-change-" + starter.id());
    button("subscription-cancel-" + starter.id());
    assertThat(_find(Button.class, spec -> spec.withId("subscription-keep-" + starter.id())))
        .isEmpty();
  }

  @Test
  void eachStatusReadsWithTheDateThatMatters() {
    Subscription trial = subscription("trial", InMemoryPlans.TRIAL, PaymentMethod.NONE);
    subscriptions.set(trial.id(), SubscriptionStatus.TRIALING, PERIOD_END, null, null, false);
    Subscription overdue = subscription("overdue", InMemoryPlans.STARTER, PaymentMethod.STRIPE);
    subscriptions.set(
        overdue.id(), SubscriptionStatus.PAST_DUE, PERIOD_END, PERIOD_END, SUSPENDS, false);
    Subscription suspended =
        subscription("stopped", InMemoryPlans.STARTER, PaymentMethod.BANK_TRANSFER);
    subscriptions.set(
        suspended.id(), SubscriptionStatus.SUSPENDED, PERIOD_END, SUSPENDS, REMOVED, false);
    Subscription ending = subscription("ending", InMemoryPlans.BUSINESS, PaymentMethod.STRIPE);
    subscriptions.set(ending.id(), SubscriptionStatus.ACTIVE, PERIOD_END, null, null, true);
    Subscription cancelled = subscription("gone", InMemoryPlans.STARTER, PaymentMethod.STRIPE);
    subscriptions.set(cancelled.id(), SubscriptionStatus.CANCELLED, PERIOD_END, null, null, false);

    navigate("billing");

    assertThat(text("subscription-status-" + trial.id())).isEqualTo("Trial until 14 Mar 2031");
    assertThat(text("subscription-status-" + overdue.id()))
        .isEqualTo("Payment overdue — suspends on 21 Mar 2031");
    assertThat(text("subscription-status-" + suspended.id()))
        .isEqualTo("Suspended — removed on 20 Apr 2031");
    assertThat(text("subscription-status-" + ending.id()))
        .isEqualTo("Ends on 14 Mar 2031 (cancel at period end)");
    assertThat(text("subscription-renewal-" + ending.id()))
        .isEqualTo("Your plan ends on 14 Mar 2031; nothing more is charged.");
    assertThat(text("subscription-status-" + cancelled.id())).isEqualTo("Cancelled");
    button("subscription-keep-" + ending.id());
    assertThat(_find(Button.class, spec -> spec.withId("subscription-change-" + trial.id())))
        .isEmpty();
    assertThat(_find(Button.class, spec -> spec.withId("subscription-portal-" + suspended.id())))
        .isEmpty();
  }

  @Test
  void whileAPaymentIsOverdue_everyPageShowsABannerLinkingToBilling() {
    Subscription overdue = subscription("overdue", InMemoryPlans.STARTER, PaymentMethod.STRIPE);
    navigate("sites");
    assertThat(_find(Div.class, spec -> spec.withId("billing-banner"))).isEmpty();

    subscriptions.set(
        overdue.id(), SubscriptionStatus.PAST_DUE, PERIOD_END, PERIOD_END, SUSPENDS, false);
    navigate("databases");

    assertThat(text("billing-banner"))
        .isEqualTo(
            "Your payment failed — update your card or pay the open invoice by 21 Mar 2031 to"
                + " avoid suspension. Go to Billing");
    assertThat(anchor("billing-banner-link").getHref()).isEqualTo("billing");

    subscriptions.set(
        overdue.id(), SubscriptionStatus.SUSPENDED, PERIOD_END, SUSPENDS, REMOVED, false);
    navigate("orders");

    assertThat(text("billing-banner"))
        .startsWith("Your sites are suspended because a payment is overdue")
        .contains("everything is removed on 20 Apr 2031");

    subscriptions.set(overdue.id(), SubscriptionStatus.ACTIVE, PERIOD_END, null, null, false);
    navigate("billing");

    assertThat(_find(Div.class, spec -> spec.withId("billing-banner"))).isEmpty();
  }

  @Test
  void aDowngradeBelowWhatTheCustomerHoldsIsRefusedWithWhatToRemove_beforeAskingTheWorkflow() {
    Subscription business = subscription("shop", InMemoryPlans.BUSINESS, PaymentMethod.STRIPE);
    CustomerOrder order = orders.findById(business.orderId()).orElseThrow();
    for (String name : List.of("two", "three", "four")) {
      sites.add(ada.id(), order.id(), name, SiteStatus.RUNNING);
    }
    navigate("billing");

    _click(button("subscription-change-" + business.id()));
    choosePlan(InMemoryPlans.STARTER);
    _click(button("plan-change-confirm"));
    MockVaadin.runUIQueue();

    assertThat(text("plan-change-problem"))
        .isEqualTo(
            "The Starter plan allows 3 sites (you have 4). First remove 1 site, then change the"
                + " plan.");
    assertThat(workflows.updates).isEmpty();
    assertThat(subscriptions.findById(business.id()).orElseThrow().planId())
        .isEqualTo(InMemoryPlans.BUSINESS);
  }

  @Test
  void anUpgradeGoesThroughTheWorkflowAndTheCardShowsTheNewPlan() {
    Subscription starter = subscription("myblog", InMemoryPlans.STARTER, PaymentMethod.STRIPE);
    navigate("billing");

    _click(button("subscription-change-" + starter.id()));
    RadioButtonGroup<Plan> choice = planChoice();
    assertThat(choice.getListDataView().getItems().map(Plan::name)).containsExactly("Business");
    assertThat(text("plan-choice-business"))
        .contains("Business · €20.00 / month", "10 sites", "50 mailboxes");
    choosePlan(InMemoryPlans.BUSINESS);
    _click(button("plan-change-confirm"));
    MockVaadin.runUIQueue();

    assertThat(workflows.updates)
        .containsExactly("changePlan:" + starter.id() + ":" + InMemoryPlans.BUSINESS);
    assertThat(_find(Dialog.class)).isEmpty();
    NotificationsKt.expectNotifications("Your plan is now Business.");
    assertThat(text("subscription-" + starter.id()))
        .contains("Business · myblog", "€20.00 / month");
  }

  @Test
  void cancellingAsksForThePlanNameThenTellsTheWorkflow_andKeepMyPlanWithdrawsIt() {
    Subscription starter = subscription("myblog", InMemoryPlans.STARTER, PaymentMethod.STRIPE);
    navigate("billing");

    _click(button("subscription-cancel-" + starter.id()));
    Button confirmed = button("subscription-cancel-confirmed");
    assertThat(confirmed.isEnabled()).isFalse();
    _setValue(_get(TextField.class, spec -> spec.withId("subscription-cancel-confirm")), "Starter");
    _click(confirmed);
    MockVaadin.runUIQueue();

    assertThat(workflows.updates).containsExactly("cancel:" + starter.id() + ":true");
    assertThat(text("subscription-status-" + starter.id()))
        .isEqualTo("Ends on 14 Mar 2031 (cancel at period end)");
    NotificationsKt.expectNotifications("Your Starter plan ends on 14 Mar 2031.");

    _click(button("subscription-keep-" + starter.id()));
    MockVaadin.runUIQueue();

    assertThat(workflows.updates)
        .containsExactly("cancel:" + starter.id() + ":true", "cancel:" + starter.id() + ":false");
    assertThat(text("subscription-status-" + starter.id())).isEqualTo("Active");
    button("subscription-cancel-" + starter.id());
  }

  @Test
  void managePaymentMethodOpensStripesPortalInTheSameTabReturningToBilling() {
    Subscription starter = subscription("myblog", InMemoryPlans.STARTER, PaymentMethod.STRIPE);
    navigate("billing");

    _click(button("subscription-portal-" + starter.id()));
    MockVaadin.runUIQueue();

    assertThat(workflows.updates)
        .containsExactly("portal:" + starter.id() + ":http://127.0.0.1:8080/billing");
    assertThat(locationsOpened()).containsExactly(FakeSubscriptionWorkflows.PORTAL_URL);
  }

  @Test
  void aBankTransferSubscriptionShowsHowToPayItsOpenInvoiceAndNoCardToManage() {
    Subscription transfer =
        subscription("myblog", InMemoryPlans.STARTER, PaymentMethod.BANK_TRANSFER);
    Invoice open = invoices.openForTransfer(transfer.id(), ada.id(), 500, PERIOD_END, null);

    navigate("billing");

    assertThat(text("subscription-" + transfer.id())).contains("paid by bank transfer");
    assertThat(_find(Button.class, spec -> spec.withId("subscription-portal-" + transfer.id())))
        .isEmpty();
    assertThat(text("invoice-" + open.id())).contains("BERTH-INV-" + open.id(), "€5.00", "Open");
    assertThat(text("invoice-transfer-" + open.id()))
        .contains(
            "Berth Hosting", "DE89 3704 0044 0532 0130 00", "BERTDEXX", "BERTH-INV-" + open.id());
    assertThat(_find(Anchor.class, spec -> spec.withId("invoice-view-" + open.id()))).isEmpty();
  }

  @Test
  void anUpdateTheWorkflowRefusesShowsItsReasonAndNothingElse() {
    Subscription ending = subscription("myblog", InMemoryPlans.STARTER, PaymentMethod.STRIPE);
    subscriptions.set(ending.id(), SubscriptionStatus.ACTIVE, PERIOD_END, null, null, true);
    workflows.refuse("The period has ended; order the plan again.");
    navigate("billing");

    _click(button("subscription-keep-" + ending.id()));
    MockVaadin.runUIQueue();

    NotificationsKt.expectNotifications("The period has ended; order the plan again.");
    assertThat(text("subscription-status-" + ending.id()))
        .isEqualTo("Ends on 14 Mar 2031 (cancel at period end)");
  }

  @Test
  void whenTheWorkflowServiceIsDown_itSaysSoPlainly() {
    Subscription starter = subscription("myblog", InMemoryPlans.STARTER, PaymentMethod.STRIPE);
    workflows.unreachable(true);
    navigate("billing");

    _click(button("subscription-portal-" + starter.id()));
    MockVaadin.runUIQueue();

    NotificationsKt.expectNotifications(
        "Opening Stripe's customer portal…",
        "The workflow service is unreachable; try again in a moment.");
    assertThat(locationsOpened()).isEmpty();
  }

  @Test
  void withoutSubscriptions_itPointsToThePlans() {
    navigate("billing");

    assertThat(get_textRecursively(currentView()))
        .contains("You have no subscription yet.", "No invoices yet.");
  }

  /** An order of the plan with its live site, and its subscription, paid up to PERIOD_END. */
  private Subscription subscription(String site, long planId, PaymentMethod gateway) {
    CustomerOrder order =
        orders.add(
            ada.id(),
            planId,
            site,
            OrderStatus.ACTIVE,
            gateway == PaymentMethod.NONE ? CustomerOrder.PAYMENT_NONE : gateway.name());
    sites.add(ada.id(), order.id(), site, SiteStatus.RUNNING);
    Subscription subscription =
        subscriptions.add(
            ada.id(), order.id(), planId, gateway, SubscriptionStatus.ACTIVE, PERIOD_END);
    return subscriptions.set(
        subscription.id(), SubscriptionStatus.ACTIVE, PERIOD_END, null, null, false);
  }

  @SuppressWarnings("unchecked")
  private static RadioButtonGroup<Plan> planChoice() {
    return _get(RadioButtonGroup.class, spec -> spec.withId("plan-choice"));
  }

  private static void choosePlan(long planId) {
    RadioButtonGroup<Plan> choice = planChoice();
    Plan plan =
        choice.getListDataView().getItems().filter(p -> p.id() == planId).findFirst().orElseThrow();
    _setValue(choice, plan);
  }

  private static Button button(String id) {
    return _get(Button.class, spec -> spec.withId(id));
  }

  private static Anchor anchor(String id) {
    return _get(Anchor.class, spec -> spec.withId(id));
  }

  private static String text(String id) {
    Component component = _get(Component.class, spec -> spec.withId(id));
    return get_textRecursively(component).replaceAll("\\s+", " ").strip();
  }

  private static Instant at(int year, int month, int day) {
    return LocalDate.of(year, month, day)
        .atTime(12, 0)
        .atZone(ZoneId.systemDefault())
        .toInstant()
        .truncatedTo(ChronoUnit.SECONDS);
  }
}
