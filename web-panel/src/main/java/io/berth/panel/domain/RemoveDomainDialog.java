package io.berth.panel.domain;

import io.berth.panel.ui.TypedConfirmationDialog;

/** Asks the customer to type the domain's name before it is removed with its zone and records. */
class RemoveDomainDialog extends TypedConfirmationDialog {

  RemoveDomainDialog(String domain, Runnable onConfirm) {
    super(
        "domain-remove",
        "Remove",
        domain,
        "Berth removes the domain's route to its site, its zone and every record in it. Your"
            + " sites stay as they are. This cannot be undone.",
        "Keep the domain",
        onConfirm);
  }
}
