package io.berth.panel.order;

import io.berth.panel.billing.BankTransferProperties;
import io.berth.panel.security.BerthUser;
import io.berth.workflows.order.OrderStatus;
import io.berth.workflows.progress.Step;
import io.berth.workflows.progress.StepState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/orders}: place an order, follow its steps, cancel it. */
@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Orders")
class OrderApi {

  private final OrderService orders;

  OrderApi(OrderService orders) {
    this.orders = orders;
  }

  @PostMapping
  @Operation(
      summary = "Order a plan with its first site",
      description =
          "app is one of wordpress, static, php, node; a WordPress site needs a title (at most"
              + " 200 characters). 202 once the order is stored with its subscription and both"
              + " workflows started; the answer is the order as GET /api/v1/orders/{id} shows it."
              + " A free trial starts setting up at once (PROVISIONING); a paid plan waits for"
              + " its payment (AWAITING_PAYMENT): paymentMethod STRIPE means paying on Stripe's"
              + " checkout page, whose checkoutUrl the order shows a moment later; BANK_TRANSFER"
              + " means a transfer quoting paymentReference. 409 when"
              + " the order would exceed the sites or databases your plans allow (the largest"
              + " limits among your open orders' plans and the plan ordered), or for a second"
              + " trial; nothing is created then.")
  ResponseEntity<OrderAnswer> place(
      @AuthenticationPrincipal BerthUser user, @RequestBody OrderBody body) {
    PlacedOrder placed =
        orders.placeOrder(user.caller(), body.planId(), body.siteName(), body.app(), body.title());
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/orders/" + placed.id()))
        .body(OrderAnswer.of(orders.details(user.caller(), placed.id())));
  }

  @GetMapping
  @Operation(summary = "Your orders, newest first")
  List<OrderLine> orders(@AuthenticationPrincipal BerthUser user) {
    return orders.ordersOf(user.caller()).stream().map(OrderLine::of).toList();
  }

  @GetMapping("/{id}")
  @Operation(
      summary = "One of your orders with the live state of each step",
      description =
          "checkoutUrl is Stripe's checkout page while a card payment is awaited (null before the"
              + " order's workflow has made it, and for other payment methods); subscriptionId is"
              + " the subscription the order started (see /api/v1/subscriptions).")
  OrderAnswer order(@AuthenticationPrincipal BerthUser user, @PathVariable long id) {
    return OrderAnswer.of(orders.details(user.caller(), id));
  }

  @PostMapping("/{id}/cancel")
  @Operation(
      summary = "Cancel an order that awaits payment or is being set up",
      description = "202 once cancellation was requested; the order turns CANCELLED when done.")
  ResponseEntity<OrderAccepted> cancel(
      @AuthenticationPrincipal BerthUser user, @PathVariable long id) {
    orders.cancel(user.caller(), id);
    OrderDetails order = orders.details(user.caller(), id);
    return ResponseEntity.accepted().body(new OrderAccepted(id, order.status()));
  }

  /**
   * @param title the WordPress site's title; ignored for other apps
   */
  record OrderBody(Long planId, String siteName, String app, String title) {}

  record OrderAccepted(long id, OrderStatus status) {}

  record OrderLine(
      long id, OrderStatus status, String plan, Long siteId, String siteName, Instant createdAt) {

    static OrderLine of(OrderSummary order) {
      return new OrderLine(
          order.id(),
          order.status(),
          order.planName(),
          order.siteId(),
          order.siteName(),
          order.createdAt());
    }
  }

  record StepAnswer(String name, StepState state, int attempt, String error) {

    static StepAnswer of(Step step) {
      return new StepAnswer(step.name(), step.state(), step.attempt(), step.error());
    }
  }

  record OrderAnswer(
      long id,
      OrderStatus status,
      String plan,
      long siteId,
      String siteName,
      String siteUrl,
      String failureReason,
      String paymentMethod,
      String paymentReference,
      String checkoutUrl,
      Long subscriptionId,
      boolean progressAvailable,
      List<StepAnswer> steps) {

    static OrderAnswer of(OrderDetails order) {
      return new OrderAnswer(
          order.id(),
          order.status(),
          order.planName(),
          order.siteId(),
          order.siteName(),
          order.siteUrl(),
          order.failureReason(),
          order.paymentMethod(),
          order.awaitsTransfer() ? BankTransferProperties.reference(order.id()) : null,
          order.payNowUrl(),
          order.subscriptionId(),
          order.progressAvailable(),
          order.steps().stream().map(StepAnswer::of).toList());
    }
  }
}
