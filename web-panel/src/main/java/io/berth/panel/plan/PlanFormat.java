package io.berth.panel.plan;

import io.berth.persistence.plan.Plan;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/** How plans read to a customer: "€5.00 / month", "0.5 CPU", "256 MB memory", … */
public final class PlanFormat {

  private PlanFormat() {}

  /** "€5.00 / month", or "Free for 14 days" for a trial. */
  public static String price(Plan plan) {
    if (plan.isFree()) {
      return plan.trialDays() > 0 ? "Free for " + plan.trialDays() + " days" : "Free";
    }
    return money(plan.priceCents(), plan.currency()) + " / " + period(plan);
  }

  public static String money(long cents, String currency) {
    NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
    format.setCurrency(Currency.getInstance(currency.toUpperCase(Locale.ROOT)));
    return format.format(BigDecimal.valueOf(cents, 2));
  }

  /** "month", "year", or "trial". */
  public static String period(Plan plan) {
    return switch (plan.period()) {
      case "MONTH" -> "month";
      case "YEAR" -> "year";
      default -> "trial";
    };
  }

  /** How it is billed, in a few words. */
  public static String billing(Plan plan) {
    return switch (plan.period()) {
      case "MONTH" -> "Billed monthly";
      case "YEAR" -> "Billed yearly";
      default -> "No payment needed";
    };
  }

  /** CPU, memory, disk, sites, databases, mailboxes and mail storage, one phrase each. */
  public static List<String> limits(Plan plan) {
    return List.of(
        cpu(plan.cpuMillis()),
        size(plan.memoryMb()) + " memory",
        size(plan.diskMb()) + " disk",
        plan.maxSites() == 1 ? "1 site" : plan.maxSites() + " sites",
        plan.maxDatabases() == 1 ? "1 database" : plan.maxDatabases() + " databases",
        plan.maxMailboxes() == 1 ? "1 mailbox" : plan.maxMailboxes() + " mailboxes",
        size(plan.mailStorageMb()) + " mail storage");
  }

  static String cpu(int millis) {
    return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + " CPU";
  }

  /** "500 MB", "5 GB" (whole gigabytes only, so no rounding hides a megabyte). */
  public static String size(int mb) {
    return mb >= 1024 && mb % 1024 == 0 ? mb / 1024 + " GB" : mb + " MB";
  }
}
