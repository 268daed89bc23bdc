package io.berth.panel.billing;

import com.vaadin.flow.component.html.DescriptionList;

/** What to transfer where: amount, the hosting company's account and the reference to quote. */
public class TransferDetails extends DescriptionList {

  public TransferDetails(BankTransferProperties bank, String amount, String reference) {
    addClassName("transfer-details");
    add(
        new Term("Amount"),
        new Description(amount),
        new Term("Account holder"),
        new Description(bank.accountHolder()),
        new Term("IBAN"),
        new Description(bank.iban()),
        new Term("BIC"),
        new Description(bank.bic()),
        new Term("Reference"),
        new Description(reference));
  }
}
