package io.berth.panel.order;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import io.berth.panel.billing.BankTransferProperties;
import io.berth.panel.billing.TransferDetails;
import io.berth.workflows.order.OrderStatus;

/**
 * How to pay an order, shown while the order waits for the money: "Pay now" on Stripe's checkout
 * page, or the bank details for a transfer; then that the payment arrived.
 */
class PaymentInstructions extends Div {

  static final String CARD_RECEIVED = "Payment received — setting up your site.";
  static final String PREPARING =
      "Preparing your secure payment page… The \"Pay now\" button appears here in a moment.";

  private final BankTransferProperties bank;

  PaymentInstructions(BankTransferProperties bank) {
    this.bank = bank;
    addClassName("payment");
  }

  void show(OrderDetails order) {
    removeAll();
    boolean cardJustPaid =
        order.paidByCard()
            && order.paymentRef() != null
            && (order.status() == OrderStatus.AWAITING_PAYMENT
                || order.status() == OrderStatus.PROVISIONING);
    setVisible(order.status() == OrderStatus.AWAITING_PAYMENT || cardJustPaid);
    if (cardJustPaid) {
      Paragraph received = new Paragraph(CARD_RECEIVED);
      received.setId("order-payment-received");
      add(received);
    } else if (order.awaitsCard()) {
      showCard(order);
    } else if (order.awaitsTransfer()) {
      showTransfer(order);
    } else {
      add(new Paragraph("Payment received; setting up your site starts in a moment."));
    }
  }

  private void showCard(OrderDetails order) {
    add(new H2("Pay by card"));
    if (order.payNowUrl() == null) {
      Paragraph preparing = new Paragraph(PREPARING);
      preparing.setId("order-checkout-preparing");
      add(preparing);
      return;
    }
    Anchor payNow = new Anchor(order.payNowUrl(), "Pay now");
    payNow.setId("order-pay-now");
    payNow.addClassName("pay-now");
    add(
        new Paragraph(
            "Pay "
                + order.amount()
                + " on Stripe's secure page. Setting up your site starts as soon as the payment"
                + " is confirmed; this page updates by itself."),
        payNow);
  }

  private void showTransfer(OrderDetails order) {
    add(
        new H2("Pay by bank transfer"),
        new Paragraph("Transfer " + order.amount() + " with the reference below:"),
        new TransferDetails(bank, order.amount(), BankTransferProperties.reference(order.id())),
        new Paragraph(
            "Setting up your site starts as soon as we have confirmed your payment. This page"
                + " updates by itself."));
  }
}
