package io.berth.panel.mail;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.berth.panel.common.UserFacingException;
import io.berth.panel.plan.PlanFormat;
import java.util.function.Consumer;

/**
 * The "New mailbox" form: the address, an optional display name, the password (its rules shown up
 * front) typed twice, and the quota with what the plan has left.
 */
class NewMailboxForm extends Div {

  /** The quota offered when the plan leaves that much. */
  static final int DEFAULT_QUOTA_MB = 500;

  private static final String WIDTH = "32em";

  private final TextField localPart = new TextField("Address");
  private final TextField displayName = new TextField("Display name (optional)");
  private final PasswordField password = new PasswordField("Password");
  private final PasswordField again = new PasswordField("Password again");
  private final IntegerField quota = new IntegerField("Quota (MB)");
  private final Button create;

  NewMailboxForm(String domain, Consumer<NewMailbox> onCreate) {
    addClassName("mailbox-form");
    localPart.setId("mailbox-local-part");
    localPart.setPlaceholder("info");
    localPart.setSuffixComponent(new Span("@" + domain));
    localPart.setHelperText(MailAddresses.LOCAL_PART_RULES);
    localPart.setRequiredIndicatorVisible(true);
    displayName.setId("mailbox-display-name");
    displayName.setPlaceholder("Ada Lovelace");
    displayName.setMaxLength(MailboxRules.MAX_DISPLAY_NAME);
    password.setId("mailbox-password");
    password.setHelperText(MailboxRules.PASSWORD_RULES);
    password.setRequiredIndicatorVisible(true);
    again.setId("mailbox-password-confirm");
    again.setRequiredIndicatorVisible(true);
    quota.setId("mailbox-quota");
    quota.setMin(MailLimits.MIN_QUOTA_MB);
    quota.setRequiredIndicatorVisible(true);
    localPart.setWidth(WIDTH);
    displayName.setWidth(WIDTH);
    password.setWidth(WIDTH);
    again.setWidth(WIDTH);
    create = new Button("Create mailbox", e -> submit(onCreate));
    create.setId("mailbox-create");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add(new H2("New mailbox"), localPart, displayName, password, again, quota, create);
  }

  /** Shows what the plan leaves; a refusal (null if none) turns the form off. */
  void showLimits(MailLimits limits, boolean open) {
    int left = limits.storageLeftMb();
    quota.setHelperText(
        "At least "
            + MailLimits.MIN_QUOTA_MB
            + " MB; your plan has "
            + PlanFormat.size(left)
            + " of mail storage left.");
    if (quota.isEmpty() && left >= MailLimits.MIN_QUOTA_MB) {
      quota.setValue(Math.min(DEFAULT_QUOTA_MB, left));
    }
    create.setEnabled(open && limits.refusal() == null);
  }

  /**
   * Shows the problems that concern this form's fields; false if there were none (the caller tells
   * the customer another way).
   */
  boolean showProblems(UserFacingException e) {
    show(localPart, e.problemWith(MailboxService.LOCAL_PART_FIELD));
    show(displayName, e.problemWith(MailboxService.DISPLAY_NAME_FIELD));
    show(password, e.problemWith(MailboxService.PASSWORD_FIELD));
    show(quota, e.problemWith(MailboxService.QUOTA_FIELD));
    show(again, null);
    return !e.fields().isEmpty();
  }

  void clear() {
    localPart.clear();
    displayName.clear();
    password.clear();
    again.clear();
    for (HasValidation field :
        new HasValidation[] {localPart, displayName, password, again, quota}) {
      show(field, null);
    }
  }

  private void submit(Consumer<NewMailbox> onCreate) {
    if (!password.getValue().equals(again.getValue())) {
      show(again, "The two passwords differ; type the same one twice.");
      return;
    }
    show(again, null);
    onCreate.accept(
        new NewMailbox(
            localPart.getValue(), displayName.getValue(), password.getValue(), quota.getValue()));
  }

  private static void show(HasValidation field, String problem) {
    field.setErrorMessage(problem);
    field.setInvalid(problem != null);
  }
}
