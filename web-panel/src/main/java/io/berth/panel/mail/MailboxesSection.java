package io.berth.panel.mail;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import io.berth.panel.common.Caller;
import io.berth.panel.common.UserFacingException;
import io.berth.panel.ui.Notices;
import java.util.List;

/**
 * A mail domain's mailboxes with the plan's limits, the RFC 2142 suggestion, the "New mailbox"
 * form, and each mailbox's password, quota and delete dialogs.
 */
class MailboxesSection extends Div implements MailboxCard.Actions {

  private final MailboxService mailboxes;
  private final Caller caller;
  private final long mailDomainId;
  private final Runnable onChange;
  private final Paragraph allowance = new Paragraph();
  private final Paragraph storage = new Paragraph();
  private final Div refusal = new Div();
  private final Paragraph roleAddresses = new Paragraph();
  private final Div list = new Div();
  private final NewMailboxForm form;
  private MailDomainDetails shown;

  MailboxesSection(
      MailboxService mailboxes, Caller caller, MailDomainSummary mailDomain, Runnable onChange) {
    this.mailboxes = mailboxes;
    this.caller = caller;
    this.mailDomainId = mailDomain.id();
    this.onChange = onChange;
    this.form = new NewMailboxForm(mailDomain.name(), this::create);
    allowance.setId("mail-allowance");
    storage.setId("mail-storage");
    refusal.setId("mail-limit");
    refusal.addClassName("banner");
    roleAddresses.setId("mail-role-addresses");
    list.setId("mailboxes");
    list.addClassName("mailbox-cards");
    add(new H2("Mailboxes"), allowance, storage, refusal, roleAddresses, list, form);
  }

  void show(MailDomainDetails details) {
    shown = details;
    boolean open = details.mailDomain().open();
    MailLimits limits = details.limits();
    allowance.setText(limits.mailboxSummary());
    storage.setText(limits.storageSummary());
    refusal.setText(limits.refusal() == null ? "" : limits.refusal());
    refusal.setVisible(limits.refusal() != null && open);
    showRoleAddresses(details.missingRoleAddresses(), open);
    list.removeAll();
    if (details.mailboxes().isEmpty()) {
      list.add(new Paragraph("No mailboxes yet."));
    }
    details.mailboxes().forEach(m -> list.add(new MailboxCard(m, this)));
    form.showLimits(limits, open);
    form.setVisible(open);
  }

  private void showRoleAddresses(List<String> missing, boolean open) {
    roleAddresses.setVisible(open && !missing.isEmpty());
    roleAddresses.setText(
        missing.isEmpty()
            ? ""
            : "Create "
                + String.join(" and ", missing)
                + " (a mailbox, or an alias to yours): RFC 2142 asks every mail domain to have them"
                + " reach a person, and other mail servers write there about problems and abuse.");
  }

  private void create(NewMailbox input) {
    try {
      MailboxSummary created = mailboxes.create(caller, mailDomainId, input);
      form.clear();
      Notices.success(created.address() + " is being created; it is ready in a moment.");
      onChange.run();
    } catch (UserFacingException e) {
      if (!form.showProblems(e)) {
        Notices.error(e.getMessage());
      }
    }
  }

  @Override
  public void changePassword(MailboxSummary mailbox) {
    new ChangePasswordDialog(
            mailbox,
            password -> {
              mailboxes.change(caller, mailbox.id(), new MailboxChange(password, null, null));
              Notices.success("The password of " + mailbox.address() + " is changed.");
              onChange.run();
            })
        .open();
  }

  @Override
  public void changeQuota(MailboxSummary mailbox) {
    new ChangeQuotaDialog(
            mailbox,
            shown.limits().storageLeftMb(),
            quota -> {
              mailboxes.change(caller, mailbox.id(), new MailboxChange(null, quota, null));
              Notices.success("The quota of " + mailbox.address() + " is changed.");
              onChange.run();
            })
        .open();
  }

  @Override
  public void delete(MailboxSummary mailbox) {
    List<String> forwarders =
        shown.aliases().stream()
            .filter(a -> a.destinations().contains(mailbox.address()))
            .map(AliasSummary::label)
            .toList();
    new DeleteMailboxDialog(mailbox, mailboxes.retention(), forwarders, () -> delete(mailbox.id()))
        .open();
  }

  private void delete(long mailboxId) {
    try {
      MailboxSummary deleted = mailboxes.delete(caller, mailboxId);
      Notices.info(
          deleted.kept()
              ? deleted.address()
                  + " is deleted; its mail is kept until "
                  + MailFormat.date(deleted.purgeAfter())
                  + "."
              : deleted.address() + " is deleted.");
    } catch (UserFacingException e) {
      Notices.error(e.getMessage());
    }
    onChange.run();
  }
}
