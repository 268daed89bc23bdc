package io.berth.panel.mail;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import io.berth.panel.common.UserFacingException;
import io.berth.panel.plan.PlanFormat;
import io.berth.panel.ui.Notices;
import java.util.function.Consumer;

/**
 * A new quota for a mailbox, with how much the plan leaves; stays open with the reason on the field
 * when it is refused.
 */
class ChangeQuotaDialog extends Dialog {

  private final IntegerField quota = new IntegerField("Quota (MB)");

  ChangeQuotaDialog(MailboxSummary mailbox, int storageLeftMb, Consumer<Integer> save) {
    setHeaderTitle("Quota of " + mailbox.address());
    quota.setId("mailbox-new-quota");
    quota.setMin(MailLimits.MIN_QUOTA_MB);
    quota.setValue(mailbox.quotaMb());
    quota.setHelperText(
        "At least "
            + MailLimits.MIN_QUOTA_MB
            + " MB and at most "
            + PlanFormat.size(mailbox.quotaMb() + storageLeftMb)
            + " (its quota now plus what your plan has left). It holds "
            + MailFormat.megabytes(mailbox.usedBytes())
            + ".");
    quota.setWidthFull();
    Button change = new Button("Change quota", e -> submit(save));
    change.setId("mailbox-quota-save");
    change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add(
        new Paragraph("When the mailbox is full, new mail to it bounces back to its sender."),
        quota);
    getFooter().add(new Button("Cancel", e -> close()), change);
  }

  private void submit(Consumer<Integer> save) {
    try {
      save.accept(quota.getValue());
      close();
    } catch (UserFacingException e) {
      String problem = e.problemWith(MailboxService.QUOTA_FIELD);
      quota.setErrorMessage(problem);
      quota.setInvalid(problem != null);
      if (problem == null) {
        Notices.error(e.getMessage());
      }
    }
  }
}
