package io.berth.panel.billing;

import io.berth.panel.security.BerthUser;
import io.berth.workflows.billing.PaymentMethod;
import io.berth.workflows.billing.SubscriptionStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/subscriptions} and {@code /api/v1/invoices}: the caller's plans over time, their
 * invoices, and changing plan, cancelling at period end, reactivating, Stripe's customer portal.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Billing")
class BillingApi {

  private final BillingService billing;

  BillingApi(BillingService billing) {
    this.billing = billing;
  }

  @GetMapping("/subscriptions")
  @Operation(
      summary = "Your subscriptions, oldest first",
      description =
          "status is INCOMPLETE (ordered, not paid), TRIALING, ACTIVE, PAST_DUE (a renewal"
              + " payment failed: pay by nextStepAt or the sites are suspended), SUSPENDED (sites"
              + " stopped, data kept until nextStepAt), CANCELLED or TERMINATED. periodEnd is the"
              + " end of the paid-up period or trial; with cancelAtPeriodEnd it ends then.")
  List<SubscriptionAnswer> subscriptions(@AuthenticationPrincipal BerthUser user) {
    return billing.subscriptions(user.caller()).stream().map(SubscriptionAnswer::of).toList();
  }

  @GetMapping("/subscriptions/{id}")
  @Operation(summary = "One of your subscriptions")
  SubscriptionAnswer subscription(@AuthenticationPrincipal BerthUser user, @PathVariable long id) {
    return SubscriptionAnswer.of(billing.subscription(user.caller(), id));
  }

  @GetMapping("/invoices")
  @Operation(
      summary = "Your invoices, newest first",
      description =
          "Stripe's invoices link to their hosted page and PDF; an open invoice Berth opened for"
              + " a bank transfer carries the transferReference to quote.")
  List<InvoiceAnswer> invoices(@AuthenticationPrincipal BerthUser user) {
    return billing.invoices(user.caller()).stream().map(InvoiceAnswer::of).toList();
  }

  @PostMapping("/subscriptions/{id}/plan")
  @Operation(
      summary = "Move a subscription to another paid plan",
      description =
          "Body {\"planId\": n}. Stripe prorates; the running sites get the new plan's limits in"
              + " place. Answers the subscription once its workflow has applied the change. 400"
              + " for an unknown or free plan; 409 for the plan it is on, a subscription that"
              + " cannot change now, or a downgrade while you hold more sites, databases,"
              + " mailboxes or mail storage than the plan allows (the detail says what to remove"
              + " first); nothing changes then.")
  SubscriptionAnswer changePlan(
      @AuthenticationPrincipal BerthUser user,
      @PathVariable long id,
      @RequestBody PlanChangeBody body) {
    return SubscriptionAnswer.of(billing.changePlan(user.caller(), id, body.planId()));
  }

  @PostMapping("/subscriptions/{id}/cancel")
  @Operation(
      summary = "Cancel a subscription at the end of its period",
      description =
          "Nothing changes before periodEnd; then the sites stop. 409 if it already ends then.")
  SubscriptionAnswer cancel(@AuthenticationPrincipal BerthUser user, @PathVariable long id) {
    return SubscriptionAnswer.of(billing.cancelAtPeriodEnd(user.caller(), id));
  }

  @PostMapping("/subscriptions/{id}/reactivate")
  @Operation(
      summary = "Withdraw a cancellation at period end",
      description = "409 if the subscription is not set to end.")
  SubscriptionAnswer reactivate(@AuthenticationPrincipal BerthUser user, @PathVariable long id) {
    return SubscriptionAnswer.of(billing.reactivate(user.caller(), id));
  }

  @PostMapping("/subscriptions/{id}/portal")
  @Operation(
      summary = "A one-time link to Stripe's customer portal",
      description =
          "Where the card and Stripe's invoices are managed; it returns to the panel's Billing"
              + " page. 409 for a subscription paid by bank transfer or a free trial.")
  PortalAnswer portal(@AuthenticationPrincipal BerthUser user, @PathVariable long id) {
    return new PortalAnswer(billing.portalUrl(user.caller(), id));
  }

  record PlanChangeBody(Long planId) {}

  record PortalAnswer(String url) {}

  record PlanAnswer(long id, String name, String price, int priceCents, String currency) {}

  record SubscriptionAnswer(
      long id,
      long orderId,
      String siteName,
      PlanAnswer plan,
      PaymentMethod paymentMethod,
      SubscriptionStatus status,
      String statusText,
      Instant periodEnd,
      boolean cancelAtPeriodEnd,
      Instant statusSince,
      Instant nextStepAt) {

    static SubscriptionAnswer of(SubscriptionSummary s) {
      return new SubscriptionAnswer(
          s.id(),
          s.orderId(),
          s.siteName(),
          new PlanAnswer(s.planId(), s.planName(), s.price(), s.priceCents(), s.currency()),
          s.gateway(),
          s.status(),
          BillingFormat.status(s),
          s.periodEnd(),
          s.cancelAtPeriodEnd(),
          s.statusSince(),
          s.nextStepAt());
    }
  }

  record InvoiceAnswer(
      long id,
      long subscriptionId,
      String number,
      Instant createdAt,
      long amountCents,
      String currency,
      String status,
      String hostedUrl,
      String pdfUrl,
      boolean bankTransfer,
      String transferReference,
      Instant periodStart,
      Instant periodEnd,
      Instant paidAt) {

    static InvoiceAnswer of(InvoiceSummary i) {
      return new InvoiceAnswer(
          i.id(),
          i.subscriptionId(),
          i.number(),
          i.date(),
          i.amountCents(),
          i.currency(),
          i.status(),
          i.hostedUrl(),
          i.pdfUrl(),
          i.bankTransfer(),
          i.transferReference(),
          i.periodStart(),
          i.periodEnd(),
          i.paidAt());
    }
  }
}
