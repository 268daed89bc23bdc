package io.berth.panel.admin;

import io.berth.panel.order.OrderService;
import io.berth.panel.security.BerthUser;
import io.berth.workflows.order.OrderStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/admin/orders}: support staff's view of every order (role SUPPORT only). */
@RestController
@RequestMapping("/api/v1/admin/orders")
@Tag(name = "Support")
class AdminApi {

  private static final int MAX_LIMIT = 500;

  private final AdminOrders adminOrders;
  private final OrderService orders;
  private final TemporalUiLinks links;

  AdminApi(AdminOrders adminOrders, OrderService orders, TemporalUiLinks links) {
    this.adminOrders = adminOrders;
    this.orders = orders;
    this.links = links;
  }

  @GetMapping
  @Operation(summary = "All customers' orders, newest first, with links to their workflows")
  List<AdminOrderAnswer> orders(
      @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit) {
    return adminOrders.page(Math.max(0, offset), Math.max(1, Math.min(limit, MAX_LIMIT))).stream()
        .map(this::answer)
        .toList();
  }

  @PostMapping("/{id}/mark-paid")
  @Operation(
      summary = "Confirm an order's bank transfer arrived",
      description =
          "202 once its workflow was told; it then goes on to set up the site, and its"
              + " subscription is paid up for one period of its plan. 409 for an order paid by"
              + " card (Stripe confirms those).")
  ResponseEntity<MarkedPaid> markPaid(
      @AuthenticationPrincipal BerthUser user, @PathVariable long id) {
    orders.markPaid(user.caller(), id);
    return ResponseEntity.accepted().body(new MarkedPaid(id, "bank-transfer:" + user.email()));
  }

  private AdminOrderAnswer answer(AdminOrderRow row) {
    return new AdminOrderAnswer(
        row.id(),
        row.customerEmail(),
        row.planName(),
        row.siteId(),
        row.siteName(),
        row.status(),
        row.paymentMethod(),
        row.paymentRef(),
        row.failureReason(),
        row.createdAt(),
        links.order(row.id()),
        row.siteId() == null ? null : links.site(row.siteId()));
  }

  record AdminOrderAnswer(
      long id,
      String customerEmail,
      String plan,
      Long siteId,
      String siteName,
      OrderStatus status,
      String paymentMethod,
      String paymentRef,
      String failureReason,
      Instant createdAt,
      String orderWorkflowUrl,
      String siteWorkflowUrl) {}

  record MarkedPaid(long id, String paymentRef) {}
}
