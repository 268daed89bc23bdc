package io.berth.panel.mail;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import io.berth.workflows.mail.MailboxStatus;

/**
 * One mailbox: its address and name, status, how full it is, and change password / change quota /
 * delete; a deleted one says until when its mail is kept.
 */
class MailboxCard extends Div {

  /** What the customer can do from a card. */
  interface Actions {
    void changePassword(MailboxSummary mailbox);

    void changeQuota(MailboxSummary mailbox);

    void delete(MailboxSummary mailbox);
  }

  MailboxCard(MailboxSummary mailbox, Actions actions) {
    addClassName("mailbox-card");
    setId("mailbox-" + mailbox.id());
    H3 address = new H3(mailbox.address());
    add(address, MailBadges.mailbox(mailbox.status()));
    if (mailbox.displayName() != null) {
      Span name = new Span(mailbox.displayName());
      name.addClassName("display-name");
      add(name);
    }
    if (mailbox.kept()) {
      Paragraph kept =
          new Paragraph("Deleted — mail kept until " + MailFormat.date(mailbox.purgeAfter()) + ".");
      kept.setId("mailbox-kept-" + mailbox.id());
      add(kept);
      return;
    }
    add(createUsage(mailbox));
    if (mailbox.status() == MailboxStatus.FAILED && mailbox.reason() != null) {
      Paragraph reason = new Paragraph("Could not be set up: " + mailbox.reason());
      reason.addClassName("failure");
      add(reason);
    } else {
      add(new Paragraph("Mail clients sign in as " + mailbox.address() + "."));
    }
    add(createButtons(mailbox, actions));
  }

  private static Component createUsage(MailboxSummary mailbox) {
    Span text = new Span(MailFormat.usage(mailbox.usedBytes(), mailbox.quotaMb()));
    text.setId("mailbox-usage-" + mailbox.id());
    ProgressBar bar =
        new ProgressBar(0, 1, MailFormat.fill(mailbox.usedBytes(), mailbox.quotaMb()));
    bar.setId("mailbox-usage-bar-" + mailbox.id());
    Div usage = new Div(text, bar);
    usage.addClassName("mailbox-usage");
    return usage;
  }

  private static Component createButtons(MailboxSummary mailbox, Actions actions) {
    HorizontalLayout buttons = new HorizontalLayout();
    if (mailbox.live()) {
      Button password = new Button("Change password", e -> actions.changePassword(mailbox));
      password.setId("mailbox-password-" + mailbox.id());
      Button quota = new Button("Change quota", e -> actions.changeQuota(mailbox));
      quota.setId("mailbox-quota-" + mailbox.id());
      buttons.add(password, quota);
    }
    Button delete = new Button("Delete", e -> actions.delete(mailbox));
    delete.setId("mailbox-delete-" + mailbox.id());
    delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
    buttons.add(delete);
    return buttons;
  }
}
