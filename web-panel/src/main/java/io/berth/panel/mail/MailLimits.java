package io.berth.panel.mail;

import io.berth.panel.plan.Allowances;
import io.berth.panel.plan.Allowances.Limit;
import io.berth.panel.plan.PlanFormat;

/**
 * The plan's mail limits and what the customer uses of them: live mailboxes, and mail storage given
 * to their quotas.
 *
 * @param mailboxSummary "Your Starter plan allows 10 mailboxes; you have 2."
 * @param storageSummary "Mail storage: 1 GB of your Starter plan's 5 GB is given to mailbox quotas;
 *     4 GB is left."
 * @param refusal why no mailbox can be created now (the plan's count, or too little storage left);
 *     null if one can
 */
record MailLimits(
    int maxMailboxes,
    int mailboxes,
    int storageMb,
    int usedStorageMb,
    String mailboxSummary,
    String storageSummary,
    String refusal) {

  /** The smallest quota a mailbox may have. */
  static final int MIN_QUOTA_MB = 10;

  static MailLimits of(Allowances allowances, long customerId) {
    Allowances.Allowance allowance = allowances.of(customerId, null);
    Limit count = allowance.mailboxes();
    Limit storage = allowance.mailStorageMb();
    String refusal =
        Allowances.mailboxRefusal(allowance)
            .or(() -> Allowances.mailQuotaRefusal(allowance, MIN_QUOTA_MB, 0, MIN_QUOTA_MB))
            .orElse(null);
    return new MailLimits(
        count.max(),
        count.used(),
        storage.max(),
        storage.used(),
        count.summary("mailbox", "mailboxes"),
        storageSummary(storage),
        refusal);
  }

  int storageLeftMb() {
    return Math.max(0, storageMb - usedStorageMb);
  }

  private static String storageSummary(Limit storage) {
    if (storage.plan() == null) {
      return "You have no plan that includes mail storage yet.";
    }
    return "Mail storage: "
        + PlanFormat.size(storage.used())
        + " of "
        + (storage.owned() ? "your " : "the ")
        + storage.plan()
        + " plan's "
        + PlanFormat.size(storage.max())
        + " is given to mailbox quotas; "
        + PlanFormat.size(Math.max(0, storage.max() - storage.used()))
        + " is left.";
  }
}
