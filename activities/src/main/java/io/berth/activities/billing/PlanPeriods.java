package io.berth.activities.billing;

import io.berth.activities.common.PermanentException;
import io.berth.persistence.plan.Plan;
import io.berth.workflows.common.FailureType;
import java.time.Instant;
import java.time.ZoneOffset;

/** Billing periods of a plan, counted in UTC calendar months and years. */
final class PlanPeriods {

  private PlanPeriods() {}

  /**
   * The end of the period of {@code plan} that starts at {@code start}: one month or one year later
   * (31 January + one month is the last day of February).
   */
  static Instant end(Plan plan, Instant start) {
    return switch (plan.period()) {
      case "MONTH" -> start.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant();
      case "YEAR" -> start.atOffset(ZoneOffset.UTC).plusYears(1).toInstant();
      default ->
          throw new PermanentException(
              FailureType.INVALID_INPUT,
              "The " + plan.name() + " plan is not billed by period: there is nothing to invoice");
    };
  }
}
