package io.berth.panel.order;

import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import io.berth.workflows.order.OrderStatus;

/** How to pay an order by bank transfer, shown while the order waits for the money. */
class PaymentInstructions extends Div {

  private final BankTransferProperties bank;

  PaymentInstructions(BankTransferProperties bank) {
    this.bank = bank;
    addClassName("payment");
  }

  void show(OrderDetails order) {
    removeAll();
    setVisible(order.status() == OrderStatus.AWAITING_PAYMENT);
    if (!order.awaitsTransfer()) {
      add(new Paragraph("Payment received; setting up your site starts in a moment."));
      return;
    }
    DescriptionList details = new DescriptionList();
    details.add(
        new DescriptionList.Term("Amount"),
        new DescriptionList.Description(order.amount()),
        new DescriptionList.Term("Account holder"),
        new DescriptionList.Description(bank.accountHolder()),
        new DescriptionList.Term("IBAN"),
        new DescriptionList.Description(bank.iban()),
        new DescriptionList.Term("BIC"),
        new DescriptionList.Description(bank.bic()),
        new DescriptionList.Term("Reference"),
        new DescriptionList.Description(BankTransferProperties.reference(order.id())));
    add(
        new H2("Pay by bank transfer"),
        new Paragraph("Transfer " + order.amount() + " with the reference below:"),
        details,
        new Paragraph(
            "Setting up your site starts as soon as we have confirmed your payment. This page"
                + " updates by itself."));
  }
}
