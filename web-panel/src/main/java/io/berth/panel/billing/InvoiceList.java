package io.berth.panel.billing;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.berth.persistence.billing.Invoice;
import java.util.List;

/**
 * The customer's invoices, newest first: number, date, amount, status, and Stripe's page and PDF of
 * each; an open bank-transfer invoice shows what to transfer where.
 */
class InvoiceList extends Div {

  InvoiceList(List<InvoiceSummary> invoices, BankTransferProperties bank) {
    addClassName("invoices");
    setId("invoices");
    if (invoices.isEmpty()) {
      add(new Paragraph("No invoices yet."));
      return;
    }
    invoices.forEach(invoice -> add(createRow(invoice, bank)));
  }

  private static Div createRow(InvoiceSummary invoice, BankTransferProperties bank) {
    Span number = new Span(invoice.number() == null ? "Invoice" : invoice.number());
    number.addClassName("invoice-number");
    Span status = new Span(BillingFormat.invoiceStatus(invoice.status()));
    status.addClassNames("badge", tone(invoice.status()));
    Div line =
        new Div(
            number,
            new Span(BillingFormat.day(invoice.date())),
            new Span(invoice.amount()),
            status);
    line.addClassName("invoice-line");
    if (invoice.hostedUrl() != null) {
      Anchor view = new Anchor(invoice.hostedUrl(), "View invoice", AnchorTarget.BLANK);
      view.setId("invoice-view-" + invoice.id());
      line.add(view);
    }
    if (invoice.pdfUrl() != null) {
      Anchor pdf = new Anchor(invoice.pdfUrl(), "PDF", AnchorTarget.BLANK);
      pdf.setId("invoice-pdf-" + invoice.id());
      line.add(pdf);
    }
    Div row = new Div(line);
    row.addClassName("invoice");
    row.setId("invoice-" + invoice.id());
    if (invoice.transferReference() != null) {
      Div pay =
          new Div(
              new Paragraph(
                  "Pay by bank transfer: we resume or renew your plan as soon as the payment has"
                      + " arrived."),
              new TransferDetails(bank, invoice.amount(), invoice.transferReference()));
      pay.addClassName("payment");
      pay.setId("invoice-transfer-" + invoice.id());
      row.add(pay);
    }
    return row;
  }

  private static String tone(String status) {
    return switch (status) {
      case Invoice.PAID -> "success";
      case Invoice.OPEN -> "warning";
      case Invoice.UNCOLLECTIBLE -> "error";
      default -> "contrast";
    };
  }
}
