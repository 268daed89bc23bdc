package io.berth.panel.mail;

import io.berth.panel.ui.TypedConfirmationDialog;
import java.time.Duration;
import java.util.List;

/**
 * Asks the customer to type the mailbox's address before it is deleted, and says what happens to
 * its mail.
 */
class DeleteMailboxDialog extends TypedConfirmationDialog {

  DeleteMailboxDialog(
      MailboxSummary mailbox, Duration retention, List<String> forwarders, Runnable onConfirm) {
    super(
        "mailbox-delete",
        "Delete",
        mailbox.address(),
        "The mailbox stops receiving mail and signing in at once. Its mail is kept for "
            + kept(retention)
            + ", then removed for good; the address stays taken until then."
            + (forwarders.isEmpty()
                ? ""
                : " Mail to "
                    + String.join(", ", forwarders)
                    + " is forwarded here and will bounce."),
        "Keep the mailbox",
        onConfirm);
  }

  private static String kept(Duration retention) {
    long days = retention.toDays();
    return days >= 1 ? (days == 1 ? "1 day" : days + " days") : retention.toString();
  }
}
