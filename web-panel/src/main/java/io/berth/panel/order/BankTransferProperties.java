package io.berth.panel.order;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The hosting company's bank details, shown to customers who pay by transfer. */
@ConfigurationProperties("berth.payment.bank-transfer")
record BankTransferProperties(
    @DefaultValue("Berth Hosting") String accountHolder,
    @DefaultValue("DE00 0000 0000 0000 0000 00") String iban,
    @DefaultValue("BERTDEXXXXX") String bic) {

  /** The reference that ties a transfer to its order. */
  static String reference(long orderId) {
    return "BERTH-" + orderId;
  }
}
