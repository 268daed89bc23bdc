package io.berth.activities.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.activities.common.PermanentException;
import io.berth.persistence.plan.Plan;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PlanPeriodsTest {

  @Test
  void aMonthlyPeriod_endsOnTheSameDayNextMonth_orTheMonthsLastDay() {
    assertThat(PlanPeriods.end(plan("MONTH"), Instant.parse("2026-03-15T08:30:00Z")))
        .isEqualTo(Instant.parse("2026-04-15T08:30:00Z"));
    assertThat(PlanPeriods.end(plan("MONTH"), Instant.parse("2026-01-31T00:00:00Z")))
        .isEqualTo(Instant.parse("2026-02-28T00:00:00Z"));
    assertThat(PlanPeriods.end(plan("MONTH"), Instant.parse("2028-01-31T00:00:00Z")))
        .isEqualTo(Instant.parse("2028-02-29T00:00:00Z"));
  }

  @Test
  void aYearlyPeriod_endsAYearLater() {
    assertThat(PlanPeriods.end(plan("YEAR"), Instant.parse("2028-02-29T12:00:00Z")))
        .isEqualTo(Instant.parse("2029-02-28T12:00:00Z"));
  }

  @Test
  void aTrial_hasNoPeriodToInvoice() {
    assertThatThrownBy(() -> PlanPeriods.end(plan("TRIAL"), Instant.EPOCH))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("nothing to invoice");
  }

  private static Plan plan(String period) {
    return new Plan(
        1L, "p", "Plan", "", 500, "EUR", period, 0, 500, 256, 1024, 1, 1, 1, 1, 100, null);
  }
}
