package io.berth.panel.admin;

import io.berth.panel.billing.BankTransferProperties;
import io.berth.panel.billing.BillingService;
import io.berth.panel.security.BerthUser;
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

/**
 * {@code /api/v1/admin/invoices}: the renewal invoices Berth opened for bank transfers, and
 * confirming one was paid (role SUPPORT only).
 */
@RestController
@RequestMapping("/api/v1/admin/invoices")
@Tag(name = "Support")
class AdminInvoiceApi {

  private static final int MAX_LIMIT = 500;

  private final AdminInvoices adminInvoices;
  private final BillingService billing;
  private final TemporalUiLinks links;

  AdminInvoiceApi(AdminInvoices adminInvoices, BillingService billing, TemporalUiLinks links) {
    this.adminInvoices = adminInvoices;
    this.billing = billing;
    this.links = links;
  }

  @GetMapping
  @Operation(summary = "Every bank-transfer invoice, newest first, with its subscription workflow")
  List<AdminInvoiceAnswer> invoices(
      @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit) {
    return adminInvoices.page(Math.max(0, offset), Math.max(1, Math.min(limit, MAX_LIMIT))).stream()
        .map(this::answer)
        .toList();
  }

  @PostMapping("/{id}/paid")
  @Operation(
      summary = "Confirm a bank transfer paid a renewal invoice",
      description =
          "202 once the subscription's workflow was told: it is paid up for one more period of"
              + " its plan (a suspended one resumes), and the invoice is PAID. 409 for a Stripe"
              + " invoice or one that is not open.")
  ResponseEntity<InvoicePaid> markPaid(
      @AuthenticationPrincipal BerthUser user, @PathVariable long id) {
    String reference = billing.markInvoicePaid(user.caller(), id);
    return ResponseEntity.accepted().body(new InvoicePaid(id, reference));
  }

  private AdminInvoiceAnswer answer(AdminInvoiceRow row) {
    return new AdminInvoiceAnswer(
        row.id(),
        row.subscriptionId(),
        row.customerEmail(),
        row.planName(),
        row.amountCents(),
        row.currency(),
        row.status(),
        BankTransferProperties.invoiceReference(row.id()),
        row.periodStart(),
        row.createdAt(),
        row.paymentRef(),
        links.subscription(row.subscriptionId()));
  }

  record AdminInvoiceAnswer(
      long id,
      long subscriptionId,
      String customerEmail,
      String plan,
      long amountCents,
      String currency,
      String status,
      String transferReference,
      Instant periodStart,
      Instant createdAt,
      String paymentRef,
      String subscriptionWorkflowUrl) {}

  record InvoicePaid(long id, String paymentRef) {}
}
