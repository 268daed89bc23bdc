package io.berth.panel.order;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_textRecursively;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import io.berth.panel.testing.InMemoryPlans;
import io.berth.panel.testing.ViewTest;
import io.berth.persistence.account.Customer;
import io.berth.persistence.order.CustomerOrder;
import io.berth.persistence.site.Site;
import io.berth.workflows.order.OrderRequest;
import io.berth.workflows.order.OrderStatus;
import io.berth.workflows.site.SiteStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CheckoutViewTest extends ViewTest {

  @Autowired FakeOrderWorkflows workflows;
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
    assertThat(get_textRecursively(currentView()))
        .contains(
            "Free for 14 days", "Static site — a fast web server for your HTML, CSS and images");

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
    assertThat(currentView()).isInstanceOf(OrderView.class);
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
    assertThat(get_textRecursively(currentView()))
        .contains(
            "Pay by bank transfer", "€5.00", "DE89 3704 0044 0532 0130 00", "BERTH-" + order.id());
  }

  @Test
  void givenATrialAlready_whenOrderingAnother_itRefuses() {
    orders.add(ada.id(), InMemoryPlans.TRIAL, "first", OrderStatus.ACTIVE);
    navigate("checkout/" + InMemoryPlans.TRIAL);

    _setValue(siteName(), "second");
    order();

    NotificationsKt.expectNotifications(OrderBook.TRIAL_USED);
    assertThat(orders.count()).isEqualTo(1);
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
  }

  @Test
  void givenAnUnknownPlan_itSaysItIsNotOnOffer() {
    navigate("checkout/99");

    assertThat(get_textRecursively(currentView())).contains("That plan is not on offer");
  }

  private static TextField siteName() {
    return _get(TextField.class, spec -> spec.withLabel("Site name"));
  }

  private static void order() {
    _click(_get(Button.class, spec -> spec.withText("Order")));
  }
}
