package io.berth.panel.billing;

import io.berth.persistence.plan.Plan;
import java.time.Instant;
import java.time.ZoneOffset;

/** How long one period of a plan lasts: a calendar month or year (UTC), or the trial's days. */
public final class BillingPeriods {

  private BillingPeriods() {}

  /** The end of one period of {@code plan} that starts at {@code start}. */
  public static Instant after(Instant start, Plan plan) {
    var at = start.atZone(ZoneOffset.UTC);
    return switch (plan.period()) {
      case "MONTH" -> at.plusMonths(1).toInstant();
      case "YEAR" -> at.plusYears(1).toInstant();
      default -> at.plusDays(plan.trialDays()).toInstant();
    };
  }
}
