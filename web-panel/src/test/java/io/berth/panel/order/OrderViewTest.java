package io.berth.panel.order;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_textRecursively;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.QueryParameters;
import io.berth.panel.testing.InMemoryPlans;
import io.berth.panel.testing.ViewTest;
import io.berth.persistence.account.Customer;
import io.berth.persistence.order.CustomerOrder;
import io.berth.workflows.order.OrderStatus;
import io.berth.workflows.progress.Step;
import io.berth.workflows.progress.StepState;
import io.berth.workflows.site.SiteStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OrderViewTest extends ViewTest {

  @Autowired FakeProgressSource progress;
  @Autowired FakeOrderWorkflows workflows;
  @Autowired OrderProgressFeed feed;
  private Customer ada;
  private CustomerOrder order;

  @BeforeEach
  void anOrderBeingSetUp() {
    ada = signIn("ada@example.com");
    order = orders.add(ada.id(), InMemoryPlans.TRIAL, "myblog", OrderStatus.PROVISIONING);
    sites.add(ada.id(), order.id(), "myblog", SiteStatus.PROVISIONING);
  }

  @Test
  void itShowsEveryStepWithItsStateAndTheRetryingOneWithAttemptAndError() {
    progress.set(
        order.id(),
        List.of(
            step("payment", StepState.SKIPPED, 0, null),
            step("placement", StepState.DONE, 1, null),
            step("network", StepState.DONE, 1, null),
            step("container", StepState.RETRYING, 3, "Docker engine unreachable"),
            step("route", StepState.PENDING, 0, null),
            step("health check", StepState.PENDING, 0, null),
            step("done", StepState.PENDING, 0, null)));

    navigate("orders/" + order.id());

    assertThat(_find(Div.class, spec -> spec.withClasses("step"))).hasSize(7);
    assertThat(row("payment")).isEqualTo("PaymentSkipped");
    assertThat(row("placement")).isEqualTo("PlacementDone");
    assertThat(row("container"))
        .isEqualTo("ContainerRetrying (attempt 3)Last error: Docker engine unreachable");
    assertThat(row("health-check")).isEqualTo("Health checkPending");
    assertThat(page()).contains("Order #" + order.id(), "Being set up", "Trial · myblog");
    _get(Button.class, spec -> spec.withText("Cancel order"));
  }

  @Test
  void whenTheWorkflowMovesOn_thePageFollowsWithoutReloading() {
    navigate("orders/" + order.id());
    assertThat(row("container")).isEqualTo("ContainerPending");

    progress.set(
        order.id(),
        List.of(
            step("payment", StepState.SKIPPED, 0, null),
            step("placement", StepState.DONE, 1, null),
            step("network", StepState.DONE, 1, null),
            step("container", StepState.RUNNING, 1, null)));
    feed.refresh(order.id());
    MockVaadin.runUIQueue();

    assertThat(row("container")).isEqualTo("ContainerRunning");
    assertThat(row("network")).isEqualTo("NetworkDone");
  }

  @Test
  void givenALiveSite_itLinksToIt() {
    orders.updateStatus(order.id(), OrderStatus.ACTIVE, null);
    progress.set(order.id(), List.of(step("done", StepState.DONE, 1, null)));

    navigate("orders/" + order.id());

    Anchor link = _get(Anchor.class, spec -> spec.withText("http://myblog.berth.localhost:8880/"));
    assertThat(link.getHref()).isEqualTo("http://myblog.berth.localhost:8880/");
    assertThat(link.getTarget()).contains("_blank");
    assertThat(page()).contains("Active", "Your site is live at");
    assertThat(_find(Button.class, spec -> spec.withText("Cancel order"))).isEmpty();
  }

  @Test
  void givenALiveWordPressSite_itPointsToItsAdminPassword() {
    Instant now = Instant.now();
    CustomerOrder wordPress =
        orders.save(
            new CustomerOrder(
                null,
                ada.id(),
                InMemoryPlans.STARTER,
                "wpblog",
                "wordpress",
                CustomerOrder.PAYMENT_BANK_TRANSFER,
                OrderStatus.ACTIVE,
                null,
                "paid",
                now,
                now,
                null,
                null,
                null));
    sites.add(ada.id(), wordPress.id(), "wpblog", "wordpress", SiteStatus.RUNNING);

    navigate("orders/" + wordPress.id());

    assertThat(page()).contains("Starter · wpblog · WordPress", "Your site is live at");
    assertThat(_get(Anchor.class, spec -> spec.withId("order-wp-admin")).getHref())
        .isEqualTo("sites");
  }

  @Test
  void givenAFailedOrder_itShowsWhyAndTheFailedStep() {
    orders.updateStatus(order.id(), OrderStatus.FAILED, "Image berth/static not found");
    progress.set(
        order.id(),
        List.of(
            step("container", StepState.FAILED, 5, "Image berth/static not found"),
            step("route", StepState.CANCELLED, 0, null)));

    navigate("orders/" + order.id());

    assertThat(page()).contains("This order failed: Image berth/static not found");
    assertThat(row("container")).isEqualTo("ContainerFailedReason: Image berth/static not found");
    assertThat(row("route")).isEqualTo("RouteCancelled");
  }

  @Test
  void givenTemporalIsDown_itShowsAPlainBanner() {
    progress.unreachable(true);

    navigate("orders/" + order.id());

    assertThat(page())
        .contains("The workflow service is unreachable; progress will appear when it is back.");
    assertThat(row("container")).isEqualTo("ContainerPending");
  }

  @Test
  void whenCancelling_itAsksFirstThenCancelsTheWorkflow() {
    navigate("orders/" + order.id());

    _click(_get(Button.class, spec -> spec.withText("Cancel order")));
    ConfirmDialog dialog = _get(ConfirmDialog.class);
    assertThat(ConfirmDialogKt.getHeader(dialog)).isEqualTo("Cancel order #" + order.id() + "?");
    ConfirmDialogKt._fireConfirm(dialog);

    assertThat(workflows.cancelled).containsExactly(order.id());
    NotificationsKt.expectNotifications("Cancelling order #" + order.id() + "…");
  }

  @Test
  void givenAPaidPlanAwaitingTransfer_itShowsTheBankDetails() {
    CustomerOrder paid =
        orders.add(ada.id(), InMemoryPlans.BUSINESS, "myshop", OrderStatus.AWAITING_PAYMENT);
    sites.add(ada.id(), paid.id(), "myshop", SiteStatus.PROVISIONING);

    navigate("orders/" + paid.id());

    assertThat(page())
        .contains("Awaiting payment", "Pay by bank transfer", "€20.00", "BERTH-" + paid.id());
  }

  @Test
  void givenACardPaymentAwaited_itOffersPayNowAsSoonAsTheCheckoutPageExists() {
    CustomerOrder card =
        orders.add(
            ada.id(),
            InMemoryPlans.STARTER,
            "myshop",
            OrderStatus.AWAITING_PAYMENT,
            CustomerOrder.PAYMENT_STRIPE);
    sites.add(ada.id(), card.id(), "myshop", SiteStatus.PROVISIONING);
    navigate("orders/" + card.id());
    assertThat(page()).contains("Pay by card", PaymentInstructions.PREPARING);
    assertThat(_find(Anchor.class, spec -> spec.withId("order-pay-now"))).isEmpty();

    orders.recordCheckout(card.id(), "cs_test_a1", CheckoutViewTest.CHECKOUT_URL);
    feed.refresh(card.id());
    MockVaadin.runUIQueue();

    Anchor payNow = _get(Anchor.class, spec -> spec.withId("order-pay-now"));
    assertThat(payNow.getText()).isEqualTo("Pay now");
    assertThat(payNow.getHref()).isEqualTo(CheckoutViewTest.CHECKOUT_URL);
    assertThat(page()).doesNotContain("bank transfer", "IBAN");
  }

  @Test
  void backFromStripe_itThanksThenSaysThePaymentArrivedOnceConfirmed() {
    CustomerOrder card =
        orders.add(
            ada.id(),
            InMemoryPlans.STARTER,
            "myshop",
            OrderStatus.AWAITING_PAYMENT,
            CustomerOrder.PAYMENT_STRIPE);
    sites.add(ada.id(), card.id(), "myshop", SiteStatus.PROVISIONING);
    orders.recordCheckout(card.id(), "cs_test_a1", CheckoutViewTest.CHECKOUT_URL);

    UI.getCurrent().navigate("orders/" + card.id(), QueryParameters.fromString("paid"));

    assertThat(get_textRecursively(_get(Div.class, spec -> spec.withId("order-confirming"))))
        .isEqualTo("Thanks — we are confirming your payment.");

    orders.recordPayment(card.id(), "cs_test_a1");
    orders.updateStatus(card.id(), OrderStatus.PROVISIONING, null);
    feed.refresh(card.id());
    MockVaadin.runUIQueue();

    assertThat(_find(Div.class, spec -> spec.withId("order-confirming"))).isEmpty();
    assertThat(_find(Anchor.class, spec -> spec.withId("order-pay-now"))).isEmpty();
    assertThat(page()).contains("Payment received — setting up your site.", "Being set up");
  }

  @Test
  void givenAnotherCustomersOrder_itIsNotFound() {
    Customer grace = customers.add("grace@example.com", Customer.ROLE_CUSTOMER);
    CustomerOrder theirs =
        orders.add(grace.id(), InMemoryPlans.TRIAL, "theirs", OrderStatus.PROVISIONING);

    navigate("orders/" + theirs.id());

    assertThat(page()).contains("Order not found").doesNotContain("theirs");
    assertThat(feed.watchedOrders()).isZero();
  }

  @Test
  void whenLeavingThePage_itStopsWatchingTheOrder() {
    navigate("orders/" + order.id());
    assertThat(feed.watchedOrders()).isEqualTo(1);

    navigate("orders");

    assertThat(feed.watchedOrders()).isZero();
  }

  private static Step step(String name, StepState state, int attempt, String error) {
    return new Step(name, state, attempt, error, 0, 0);
  }

  private static String row(String id) {
    return get_textRecursively(_get(Div.class, spec -> spec.withId("step-" + id)));
  }

  private static String page() {
    return get_textRecursively(currentView());
  }
}
