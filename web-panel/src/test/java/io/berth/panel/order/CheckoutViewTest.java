package io.berth.panel.order;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_textRecursively;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import io.berth.panel.billing.FakeSubscriptionWorkflows;
import io.berth.panel.billing.SwitchablePaymentOptions;
import io.berth.panel.site.AppCatalog;
import io.berth.panel.site.AppCatalog.App;
import io.berth.panel.testing.InMemoryPlans;
import io.berth.panel.testing.ViewTest;
import io.berth.persistence.account.Customer;
import io.berth.persistence.billing.Subscription;
import io.berth.persistence.order.CustomerOrder;
import io.berth.persistence.site.Site;
import io.berth.workflows.billing.PaymentMethod;
import io.berth.workflows.billing.SubscriptionRequest;
import io.berth.workflows.billing.SubscriptionStatus;
import io.berth.workflows.database.DatabaseStatus;
import io.berth.workflows.order.OrderRequest;
import io.berth.workflows.order.OrderStatus;
import io.berth.workflows.site.SiteStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CheckoutViewTest extends ViewTest {

  static final String CHECKOUT_URL = "https://checkout.stripe.com/c/pay/cs_test_a1";

  @Autowired FakeOrderWorkflows workflows;
  @Autowired FakeSubscriptionWorkflows subscriptionWorkflows;
  @Autowired SwitchablePaymentOptions payments;
  private Customer ada;

  @BeforeEach
  void signInAda() {
    ada = signIn("ada@example.com");
  }

  @Test
  void givenAnInvalidName_itShowsTheRuleWhileTyping() {
    navigate("checkout/" + InMemoryPlans.TRIAL);

    _setValue(siteName(), "My Blog");
    assertThat(siteName().isInvalid()).isTrue();
    assertThat(siteName().getErrorMessage()).isEqualTo("Use lowercase letters only.");

    _setValue(siteName(), "-blog");
    assertThat(siteName().getErrorMessage())
        .startsWith("Use lowercase letters, digits and hyphens");

    _setValue(siteName(), "myblog");
    assertThat(siteName().isInvalid()).isFalse();
    assertThat(siteName().getHelperText())
        .isEqualTo("Your site will answer at http://myblog.berth.localhost:8880/");
  }

  @Test
  void givenATakenName_itSaysSoAndCreatesNothing() {
    Customer grace = customers.add("grace@example.com", Customer.ROLE_CUSTOMER);
    CustomerOrder theirs =
        orders.add(grace.id(), InMemoryPlans.STARTER, "myblog", OrderStatus.ACTIVE);
    sites.add(grace.id(), theirs.id(), "myblog", SiteStatus.RUNNING);
    navigate("checkout/" + InMemoryPlans.TRIAL);

    _setValue(siteName(), "myblog");
    assertThat(siteName().getErrorMessage())
        .isEqualTo("\"myblog\" is already taken; choose another name.");
    order();

    assertThat(siteName().getErrorMessage())
        .isEqualTo("\"myblog\" is already taken; choose another name.");
    assertThat(currentView()).isInstanceOf(CheckoutView.class);
    assertThat(orders.findByCustomerIdOrderByIdDesc(ada.id())).isEmpty();
    assertThat(sites.count()).isEqualTo(1);
    assertThat(workflows.started).isEmpty();
  }

  @Test
  void givenAnInvalidName_whenOrdering_itCreatesNothing() {
    navigate("checkout/" + InMemoryPlans.TRIAL);

    _setValue(siteName(), "ab");
    order();

    assertThat(siteName().getErrorMessage()).isEqualTo("A site name has 3 to 40 characters.");
    assertThat(orders.count()).isZero();
    assertThat(workflows.started).isEmpty();
  }

  @Test
  void givenAFreeName_whenOrderingTheTrial_itStartsSettingUpAndShowsTheOrder() {
    navigate("checkout/" + InMemoryPlans.TRIAL);
    assertThat(get_textRecursively(currentView())).contains("Free for 14 days", "1 database");
    assertThat(appChoice().getValue().id()).isEqualTo("static");

    _setValue(siteName(), "myblog");
    order();

    CustomerOrder order = orders.findByCustomerIdOrderByIdDesc(ada.id()).get(0);
    Site site = sites.findByOrderId(order.id()).orElseThrow();
    assertThat(order.status()).isEqualTo(OrderStatus.PROVISIONING);
    assertThat(order.paymentMethod()).isEqualTo(CustomerOrder.PAYMENT_NONE);
    assertThat(site.name()).isEqualTo("myblog");
    assertThat(site.status()).isEqualTo(SiteStatus.PROVISIONING);
    OrderRequest started = workflows.started.get(0);
    assertThat(started.orderId()).isEqualTo(order.id());
    assertThat(started.siteId()).isEqualTo(site.id());
    assertThat(started.paymentRequired()).isFalse();
    assertThat(started.limits().memoryMb()).isEqualTo(128);
    assertThat(started.app()).isEqualTo("static");
    assertThat(sites.title(site.id())).isNull();
    assertThat(currentView()).isInstanceOf(OrderView.class);
    Subscription subscription = subscriptions.findByOrderId(order.id()).orElseThrow();
    assertThat(subscription.status()).isEqualTo(SubscriptionStatus.TRIALING);
    assertThat(subscription.gateway()).isEqualTo(PaymentMethod.NONE);
    assertThat(subscription.currentPeriodEnd())
        .isBetween(
            Instant.now().plus(Duration.ofDays(14)).minusSeconds(60),
            Instant.now().plus(Duration.ofDays(14)));
    SubscriptionRequest trial = subscriptionWorkflows.started.get(0);
    assertThat(trial.subscriptionId()).isEqualTo(subscription.id());
    assertThat(trial.status()).isEqualTo(SubscriptionStatus.TRIALING);
    assertThat(trial.periodEndMillis()).isEqualTo(subscription.currentPeriodEnd().toEpochMilli());
    assertThat(started.gateway()).isEqualTo(PaymentMethod.NONE);
    assertThat(started.subscriptionId()).isEqualTo(subscription.id());
  }

  @Test
  void givenAPaidPlan_whenOrdering_itWaitsForTheBankTransfer() {
    navigate("checkout/" + InMemoryPlans.STARTER);
    assertThat(get_textRecursively(currentView())).contains("by bank transfer");

    _setValue(siteName(), "myshop");
    order();

    CustomerOrder order = orders.findByCustomerIdOrderByIdDesc(ada.id()).get(0);
    assertThat(order.status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
    assertThat(order.paymentMethod()).isEqualTo(CustomerOrder.PAYMENT_BANK_TRANSFER);
    assertThat(workflows.started.get(0).paymentRequired()).isTrue();
    assertThat(workflows.started.get(0).gateway()).isEqualTo(PaymentMethod.BANK_TRANSFER);
    assertThat(get_textRecursively(currentView()))
        .contains(
            "Pay by bank transfer", "€5.00", "DE89 3704 0044 0532 0130 00", "BERTH-" + order.id());
    Subscription subscription = subscriptions.findByOrderId(order.id()).orElseThrow();
    assertThat(subscription.status()).isEqualTo(SubscriptionStatus.INCOMPLETE);
    assertThat(subscription.gateway()).isEqualTo(PaymentMethod.BANK_TRANSFER);
    assertThat(subscription.currentPeriodEnd()).isNull();
    SubscriptionRequest request = subscriptionWorkflows.started.get(0);
    assertThat(request.gateway()).isEqualTo(PaymentMethod.BANK_TRANSFER);
    assertThat(request.status()).isEqualTo(SubscriptionStatus.INCOMPLETE);
    assertThat(request.policy().grace()).isEqualTo(Duration.ofDays(7));
    assertThat(request.policy().termination()).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void givenStripe_whenOrderingAPaidPlan_itSendsTheBrowserToStripesCheckoutPage() {
    payments.stripe(true);
    workflows.whenStarted(
        request -> orders.recordCheckout(request.orderId(), "cs_test_a1", CHECKOUT_URL));
    navigate("checkout/" + InMemoryPlans.STARTER);
    assertThat(get_textRecursively(currentView()))
        .contains("by card on Stripe's secure checkout page")
        .doesNotContain("bank transfer");

    _setValue(siteName(), "myshop");
    order();
    MockVaadin.runUIQueue();

    assertThat(locationsOpened()).containsExactly(CHECKOUT_URL);
    CustomerOrder order = orders.findByCustomerIdOrderByIdDesc(ada.id()).get(0);
    assertThat(order.paymentMethod()).isEqualTo(CustomerOrder.PAYMENT_STRIPE);
    assertThat(order.status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
    Subscription subscription = subscriptions.findByOrderId(order.id()).orElseThrow();
    assertThat(subscription.gateway()).isEqualTo(PaymentMethod.STRIPE);
    assertThat(subscription.status()).isEqualTo(SubscriptionStatus.INCOMPLETE);
    assertThat(subscriptionWorkflows.started.get(0).gateway()).isEqualTo(PaymentMethod.STRIPE);
    OrderRequest started = workflows.started.get(0);
    assertThat(started.gateway()).isEqualTo(PaymentMethod.STRIPE);
    assertThat(started.subscriptionId()).isEqualTo(subscription.id());
    assertThat(started.paymentRequired()).isTrue();
  }

  @Test
  void givenStripe_whenTheCheckoutPageIsNotMadeInTime_itShowsTheOrderPageThatWillOfferIt() {
    payments.stripe(true);
    navigate("checkout/" + InMemoryPlans.STARTER);

    _setValue(siteName(), "myshop");
    order();
    MockVaadin.runUIQueue();

    assertThat(locationsOpened()).isEmpty();
    assertThat(currentView()).isInstanceOf(OrderView.class);
    assertThat(get_textRecursively(currentView()))
        .contains("Pay by card", PaymentInstructions.PREPARING);
  }

  @Test
  void givenATrialAlready_itSaysSoBeforeOrderingAndOffersNoOrderButton() {
    orders.add(ada.id(), InMemoryPlans.TRIAL, "first", OrderStatus.ACTIVE);
    navigate("checkout/" + InMemoryPlans.TRIAL);

    assertThat(refusal()).isEqualTo(OrderBook.TRIAL_USED);
    assertThat(orderButton().isEnabled()).isFalse();
    assertThat(orders.count()).isEqualTo(1);
    assertThat(workflows.started).isEmpty();
  }

  @Test
  void itOffersEveryAppWithIconNameAndDescription() {
    navigate("checkout/" + InMemoryPlans.STARTER);

    assertThat(appChoice().getListDataView().getItems().map(App::id))
        .containsExactly("wordpress", "static", "php", "node");
    for (App app : AppCatalog.all()) {
      Div option = _get(Div.class, spec -> spec.withId("app-" + app.id()));
      assertThat(get_textRecursively(option)).contains(app.name(), app.description());
      assertThat(_find(option, Icon.class)).hasSize(1);
    }
    assertThat(_find(TextField.class, spec -> spec.withId("site-title"))).isEmpty();
    assertNoRefusal();
  }

  @Test
  void givenWordPress_itAsksForATitleAndWillNotOrderWithoutOne() {
    navigate("checkout/" + InMemoryPlans.TRIAL);

    _setValue(appChoice(), AppCatalog.WORDPRESS);
    assertThat(title().isVisible()).isTrue();
    _setValue(siteName(), "myblog");
    order();

    assertThat(title().isInvalid()).isTrue();
    assertThat(title().getErrorMessage())
        .isEqualTo("Give your site a title; you can change it in WordPress later.");
    assertThat(orders.count()).isZero();
    assertThat(sites.count()).isZero();
    assertThat(workflows.started).isEmpty();
  }

  @Test
  void givenWordPressWithATitle_itOrdersItAndStoresTheTitle() {
    navigate("checkout/" + InMemoryPlans.TRIAL);

    _setValue(appChoice(), AppCatalog.WORDPRESS);
    _setValue(siteName(), "myblog");
    _setValue(title(), "  Ada's kitchen  ");
    order();

    CustomerOrder order = orders.findByCustomerIdOrderByIdDesc(ada.id()).get(0);
    Site site = sites.findByOrderId(order.id()).orElseThrow();
    assertThat(site.app()).isEqualTo("wordpress");
    assertThat(sites.title(site.id())).isEqualTo("Ada's kitchen");
    assertThat(workflows.started.get(0).app()).isEqualTo("wordpress");
    assertThat(currentView()).isInstanceOf(OrderView.class);
  }

  @Test
  void givenAsManySitesAsThePlanAllows_itSaysSoBeforeOrderingAndCreatesNothing() {
    for (String name : new String[] {"one", "two", "three"}) {
      CustomerOrder o = orders.add(ada.id(), InMemoryPlans.STARTER, name, OrderStatus.ACTIVE);
      sites.add(ada.id(), o.id(), name, SiteStatus.RUNNING);
    }
    navigate("checkout/" + InMemoryPlans.STARTER);

    assertThat(refusal())
        .isEqualTo(
            "Your Starter plan allows 3 sites and you have 3: remove one or choose a bigger plan.");
    assertThat(orderButton().isEnabled()).isFalse();

    navigate("checkout/" + InMemoryPlans.BUSINESS);
    assertNoRefusal();
    assertThat(orderButton().isEnabled()).isTrue();
    assertThat(orders.count()).isEqualTo(3);
    assertThat(workflows.started).isEmpty();
  }

  @Test
  void givenATrialWithItsSite_aBiggerPlansLimitsApplyToTheNextOrder() {
    CustomerOrder trial = orders.add(ada.id(), InMemoryPlans.TRIAL, "first", OrderStatus.ACTIVE);
    sites.add(ada.id(), trial.id(), "first", SiteStatus.RUNNING);
    navigate("checkout/" + InMemoryPlans.STARTER);

    assertNoRefusal();
    _setValue(siteName(), "second");
    order();

    assertThat(orders.count()).isEqualTo(2);
    assertThat(workflows.started).hasSize(1);
  }

  @Test
  void givenNoDatabaseLeft_itRefusesWordPressButNotAStaticSite() {
    CustomerOrder starter = orders.add(ada.id(), InMemoryPlans.STARTER, "one", OrderStatus.ACTIVE);
    sites.add(ada.id(), starter.id(), "one", "php", SiteStatus.RUNNING);
    for (String name : new String[] {"a", "b", "c"}) {
      databases.add(ada.id(), name, DatabaseStatus.READY);
    }
    navigate("checkout/" + InMemoryPlans.STARTER);
    assertThat(orderButton().isEnabled()).isTrue();

    _setValue(appChoice(), AppCatalog.WORDPRESS);

    assertThat(refusal())
        .isEqualTo(
            "Your Starter plan allows 3 databases and you have 3, and WordPress needs one of its"
                + " own: delete one or choose a bigger plan.");
    assertThat(orderButton().isEnabled()).isFalse();

    _setValue(appChoice(), AppCatalog.STATIC);
    assertNoRefusal();
    assertThat(orderButton().isEnabled()).isTrue();
  }

  @Test
  void givenTheLimitIsReachedWhileOnThePage_orderingSaysSoAndCreatesNothing() {
    CustomerOrder starter = orders.add(ada.id(), InMemoryPlans.STARTER, "one", OrderStatus.ACTIVE);
    sites.add(ada.id(), starter.id(), "one", SiteStatus.RUNNING);
    sites.add(ada.id(), starter.id(), "two", SiteStatus.RUNNING);
    navigate("checkout/" + InMemoryPlans.STARTER);
    _setValue(siteName(), "four");
    sites.add(ada.id(), starter.id(), "three", SiteStatus.PROVISIONING);

    order();

    assertThat(refusal()).startsWith("Your Starter plan allows 3 sites and you have 3");
    assertThat(orderButton().isEnabled()).isFalse();
    assertThat(orders.count()).isEqualTo(1);
    assertThat(sites.isNameTaken("four")).isFalse();
    assertThat(workflows.started).isEmpty();
  }

  @Test
  void givenTemporalIsDown_whenOrdering_itSaysSoAndGivesTheNameBack() {
    workflows.unreachable(true);
    navigate("checkout/" + InMemoryPlans.TRIAL);

    _setValue(siteName(), "myblog");
    order();

    NotificationsKt.expectNotifications(OrderService.START_FAILED);
    CustomerOrder order = orders.findByCustomerIdOrderByIdDesc(ada.id()).get(0);
    assertThat(order.status()).isEqualTo(OrderStatus.FAILED);
    assertThat(order.failureReason()).isEqualTo(OrderService.START_FAILED_REASON);
    assertThat(sites.isNameTaken("myblog")).isFalse();
    Subscription subscription = subscriptions.findByOrderId(order.id()).orElseThrow();
    assertThat(subscription.status()).isEqualTo(SubscriptionStatus.TERMINATED);
    assertThat(subscriptionWorkflows.abandoned).containsExactly(subscription.id());
  }

  @Test
  void givenTheSubscriptionCannotStart_theOrderDoesNotStartEither() {
    subscriptionWorkflows.startFails(true);
    navigate("checkout/" + InMemoryPlans.STARTER);

    _setValue(siteName(), "myshop");
    order();

    NotificationsKt.expectNotifications(OrderService.START_FAILED);
    CustomerOrder order = orders.findByCustomerIdOrderByIdDesc(ada.id()).get(0);
    assertThat(order.status()).isEqualTo(OrderStatus.FAILED);
    assertThat(workflows.started).isEmpty();
    assertThat(subscriptions.findByOrderId(order.id()).orElseThrow().status())
        .isEqualTo(SubscriptionStatus.TERMINATED);
    assertThat(subscriptionWorkflows.abandoned).isEmpty();
  }

  @Test
  void givenAnUnknownPlan_itSaysItIsNotOnOffer() {
    navigate("checkout/99");

    assertThat(get_textRecursively(currentView())).contains("That plan is not on offer");
  }

  private static TextField siteName() {
    return _get(TextField.class, spec -> spec.withLabel("Site name"));
  }

  private static TextField title() {
    return _get(TextField.class, spec -> spec.withId("site-title"));
  }

  @SuppressWarnings("unchecked")
  private static RadioButtonGroup<App> appChoice() {
    return _get(RadioButtonGroup.class, spec -> spec.withId("app"));
  }

  private static Button orderButton() {
    return _get(Button.class, spec -> spec.withText("Order"));
  }

  /** What the limits say, shown above the Order button. */
  private static String refusal() {
    return get_textRecursively(_get(Div.class, spec -> spec.withId("checkout-limit")));
  }

  private static void assertNoRefusal() {
    assertThat(_find(Div.class, spec -> spec.withId("checkout-limit"))).isEmpty();
  }

  private static void order() {
    _click(orderButton());
  }
}
