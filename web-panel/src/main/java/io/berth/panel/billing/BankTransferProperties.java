package io.berth.panel.billing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hosting company's bank details, shown to customers who pay an order or a renewal invoice by
 * transfer.
 */
@ConfigurationProperties("berth.payment.bank-transfer")
public record BankTransferProperties(
    @DefaultValue("Berth Hosting") String accountHolder,
    @DefaultValue("DE00 0000 0000 0000 0000 00") String iban,
    @DefaultValue("BERTDEXXXXX") String bic) {

  /** The reference that ties a transfer to its order. */
  public static String reference(long orderId) {
    return "BERTH-" + orderId;
  }

  /** The reference that ties a transfer to a renewal invoice Berth opened. */
  public static String invoiceReference(long invoiceId) {
    return "BERTH-INV-" + invoiceId;
  }
}
